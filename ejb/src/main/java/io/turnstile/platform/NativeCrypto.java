package io.turnstile.platform;

import com.amazon.corretto.crypto.provider.AmazonCorrettoCryptoProvider;

import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.security.KeyFactory;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.PublicKey;
import java.security.Security;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.util.Locale;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A native JCA provider for the public-key operations of EAP handshakes: Amazon Corretto Crypto Provider (AWS-LC
 * through JNI), when its library loads on this machine (Linux x86-64) and {@code TURNSTILE_NATIVE_CRYPTO} (or the
 * system property {@code turnstile.native-crypto}) is not {@code false}. Otherwise empty, and callers use the JDK's
 * providers as before.
 *
 * <p>Why: in the EAP-TLS profile (issue 3) the handshake's signatures and key agreements were most of the request
 * threads' CPU, and FreeRADIUS does them in OpenSSL's assembly. Measured on the 2-core bench machine (2026-12-07,
 * per operation): RSA-2048 sign 254 µs (JDK 1,006), ECDSA P-256 sign 14 µs (JDK 476), ECDSA P-256 verify 42 µs
 * (JDK 816), P-256 ECDH key pair and agreement 45 µs (JDK 1,166).
 *
 * <p>Only the EAP TLS engine and the client-certificate checks ask for it, and each falls back to the JDK's providers
 * for an algorithm or key it does not take. It is registered last in the JVM's provider list, so nothing else gets it
 * unless it asks by name. Immutable once loaded.
 */
public final class NativeCrypto {

    private static final Logger LOG = Logger.getLogger(NativeCrypto.class.getName());

    private NativeCrypto() {
    }

    /** The native provider, or empty (disabled, or its library does not load here). */
    public static Optional<Provider> provider() {
        return Holder.PROVIDER;
    }

    /** Loaded once, on first use (the JNI library is loaded at most once per class loader anyway). */
    private static final class Holder {
        static final Optional<Provider> PROVIDER = load(setting());
    }

    static String setting() {
        String value = System.getProperty("turnstile.native-crypto");
        return value != null ? value : System.getenv("TURNSTILE_NATIVE_CRYPTO");
    }

    static Optional<Provider> load(String setting) {
        if (setting != null && setting.trim().toLowerCase(Locale.ROOT).equals("false")) {
            LOG.info("Native crypto disabled (TURNSTILE_NATIVE_CRYPTO=false): EAP handshakes use the JDK's providers");
            return Optional.empty();
        }
        try {
            AmazonCorrettoCryptoProvider accp = AmazonCorrettoCryptoProvider.INSTANCE;
            accp.assertHealthy();
            // Registered last, so that PKIX can name it (PKIXParameters.setSigProvider takes a name); code that does
            // not ask for it by name keeps getting the JDK's providers, which come first.
            if (Security.getProvider(accp.getName()) == null) {
                Security.addProvider(accp);
            }
            LOG.info(() -> "Native crypto: " + accp.getName() + " " + accp.getVersionStr()
                    + " for EAP handshake signatures and key agreements");
            return Optional.of(accp);
        } catch (Throwable e) { // UnsatisfiedLinkError, or a failed self-test: run on the JDK's providers
            LOG.log(Level.INFO, "Native crypto unavailable on this machine (" + e + "): EAP handshakes use the"
                    + " JDK's providers", e instanceof Error ? null : e);
            return Optional.empty();
        }
    }

    /**
     * The key as the native provider's own key object, so that each signature does not convert it again (RSA-2048:
     * 254 µs with a native key, 669 µs with the JDK's); the key itself if there is no native provider or it does not
     * take the key.
     */
    public static PrivateKey signingKey(PrivateKey key) {
        if (key == null || provider().isEmpty()) {
            return key;
        }
        try {
            return (PrivateKey) KeyFactory.getInstance(key.getAlgorithm(), provider().get()).translateKey(key);
        } catch (GeneralSecurityException | RuntimeException e) {
            return key;
        }
    }

    /**
     * {@link X509Certificate#verify(PublicKey)} on the native provider when it has the signature algorithm and takes
     * the key, else on the JDK's providers. Throws as {@code verify} does when the signature is not valid.
     */
    public static void verify(X509Certificate certificate, PublicKey issuerKey) throws GeneralSecurityException {
        if (provider().isPresent()) {
            try {
                certificate.verify(issuerKey, provider().get());
                return;
            } catch (NoSuchAlgorithmException | InvalidKeyException e) {
                // an algorithm or key type the native provider does not take (DSA, SHA-1 with RSA-PSS...): the JDK's
            }
        }
        certificate.verify(issuerKey);
    }

    /** {@link X509CRL#verify(PublicKey)}, like {@link #verify(X509Certificate, PublicKey)}. */
    public static void verify(X509CRL crl, PublicKey issuerKey) throws GeneralSecurityException {
        if (provider().isPresent()) {
            try {
                crl.verify(issuerKey, provider().get());
                return;
            } catch (NoSuchAlgorithmException | InvalidKeyException e) {
                // as above
            }
        }
        crl.verify(issuerKey);
    }
}
