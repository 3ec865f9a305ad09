package io.turnstile.eap.tls;

import io.turnstile.platform.NativeCrypto;
import org.bouncycastle.jcajce.util.DefaultJcaJceHelper;
import org.bouncycastle.jcajce.util.JcaJceHelper;
import org.bouncycastle.jcajce.util.ProviderJcaJceHelper;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.tls.NamedGroup;
import org.bouncycastle.tls.crypto.TlsECConfig;
import org.bouncycastle.tls.crypto.Tls13Verifier;
import org.bouncycastle.tls.crypto.TlsECDomain;
import org.bouncycastle.tls.crypto.TlsStreamSigner;
import org.bouncycastle.tls.crypto.TlsStreamVerifier;
import org.bouncycastle.tls.crypto.impl.jcajce.JcaTlsCrypto;

import javax.crypto.Cipher;
import javax.crypto.ExemptionMechanism;
import javax.crypto.KeyAgreement;
import javax.crypto.KeyGenerator;
import javax.crypto.Mac;
import javax.crypto.NoSuchPaddingException;
import javax.crypto.SecretKeyFactory;
import java.security.AlgorithmParameterGenerator;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.InvalidAlgorithmParameterException;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.KeyStoreException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.NoSuchProviderException;
import java.io.IOException;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.PublicKey;
import java.security.spec.AlgorithmParameterSpec;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.CertPathBuilder;
import java.security.cert.CertPathValidator;
import java.security.cert.CertStore;
import java.security.cert.CertStoreParameters;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Bouncy Castle's TLS protocol on the fastest providers at hand: for the public-key operations (signatures, key
 * agreement, key pairs, key factories) the native provider ({@link NativeCrypto}, AWS-LC) when it loaded, then the
 * JDK's providers (SunRsaSign, SunEC, SunJCE), then a private Bouncy Castle provider for algorithms neither offers
 * under the name BC asks for; for everything else (ciphers, MACs, digests: the JDK's intrinsics are as fast, and no
 * JNI call per TLS record) the JDK's, then BC.
 *
 * <p>Why (issue 3 profiles): with BC as the only provider, every handshake converted the server's private key and the
 * peer's public key to BC keys, and BC re-validates an RSA modulus on each conversion (Miller-Rabin rounds), with its
 * BigInteger RSA. With the JDK's providers the signatures and the P-256 agreement were still most of the request
 * threads' CPU: the native provider does them 4 to 30 times faster (see {@link NativeCrypto}).
 *
 * <p>BC asks for RSA-PSS (RFC 8446 §4.2.3 rsa_pss_rsae_*, RFC 8017 §8.1) as {@code SHA256WITHRSAANDMGF1}, a name only
 * BC has: see {@link #standardName}.
 */
final class NativeFirstTlsCrypto extends JcaTlsCrypto {

    private static final Pattern RSA_PSS = Pattern.compile("SHA(224|256|384|512)WITHRSAANDMGF1",
            Pattern.CASE_INSENSITIVE);

    NativeFirstTlsCrypto(SecureRandom random) {
        this(random, NativeCrypto.provider());
    }

    /** @param nativeProvider empty: the JDK's providers first for everything (as with TURNSTILE_NATIVE_CRYPTO=false) */
    NativeFirstTlsCrypto(SecureRandom random, Optional<Provider> nativeProvider) {
        super(new NativeFirstHelper(nativeProvider), random, random);
    }

    @Override
    protected TlsStreamSigner createStreamSigner(JcaJceHelper helper, String algorithmName,
                                                 AlgorithmParameterSpec parameter, PrivateKey privateKey,
                                                 SecureRandom random) throws GeneralSecurityException {
        return super.createStreamSigner(helper, standardName(algorithmName), parameter, privateKey, random);
    }

    @Override
    protected TlsStreamVerifier createStreamVerifier(String algorithmName, AlgorithmParameterSpec parameter,
                                                     byte[] signature, PublicKey publicKey) throws IOException {
        return super.createStreamVerifier(standardName(algorithmName), parameter, signature, publicKey);
    }

    @Override
    protected Tls13Verifier createTls13Verifier(String algorithmName, AlgorithmParameterSpec parameter,
                                                PublicKey publicKey) throws IOException {
        return super.createTls13Verifier(standardName(algorithmName), parameter, publicKey);
    }

    /**
     * BC's RSA-PSS name ({@code SHA256WITHRSAANDMGF1}) as the standard {@code RSASSA-PSS}, which the native provider
     * and the JDK have: BC passes the {@link java.security.spec.PSSParameterSpec} along, so it is the same signature.
     * (BC looks the name up twice, the second time on the provider the first lookup chose, so renaming it in the
     * helper alone would not do.)
     */
    static String standardName(String algorithmName) {
        return RSA_PSS.matcher(algorithmName).matches() ? "RSASSA-PSS" : algorithmName;
    }

    /** X25519 with Bouncy Castle's arithmetic (see {@link X25519Domain}); every other group as BC's JCA crypto does. */
    @Override
    public TlsECDomain createECDomain(TlsECConfig ecConfig) {
        if (ecConfig.getNamedGroup() == NamedGroup.x25519) {
            return new X25519Domain(this, getSecureRandom());
        }
        return super.createECDomain(ecConfig);
    }

    /**
     * Each public-key lookup tries the native provider, the installed (JDK) providers, then the private BC provider;
     * other lookups the JDK's, then BC.
     */
    static final class NativeFirstHelper implements JcaJceHelper {

        private final JcaJceHelper jdk = new DefaultJcaJceHelper();
        private final JcaJceHelper bc = new ProviderJcaJceHelper(new BouncyCastleProvider());
        private final List<JcaJceHelper> publicKey;
        private final List<JcaJceHelper> other;

        NativeFirstHelper(Optional<Provider> nativeProvider) {
            this.other = List.of(jdk, bc);
            this.publicKey = nativeProvider.<List<JcaJceHelper>>map(p -> List.of(new ProviderJcaJceHelper(p), jdk, bc))
                    .orElse(other);
        }

        private interface Lookup<T> {
            T from(JcaJceHelper helper) throws GeneralSecurityException;
        }

        private static <T> T first(List<JcaJceHelper> helpers, Lookup<T> lookup) throws GeneralSecurityException {
            GeneralSecurityException last = null;
            for (JcaJceHelper h : helpers) {
                try {
                    return lookup.from(h);
                } catch (NoSuchAlgorithmException | NoSuchPaddingException | NoSuchProviderException e) {
                    last = e;
                }
            }
            throw last;
        }

        private <T> T first(Lookup<T> lookup) throws GeneralSecurityException {
            return first(other, lookup);
        }

        /** A lookup failed with an exception its method does not declare: cannot happen with these helpers. */
        private static IllegalStateException unexpected(GeneralSecurityException e) {
            return new IllegalStateException(e);
        }

        private <T> T get(Lookup<T> lookup) throws NoSuchAlgorithmException, NoSuchProviderException {
            return get(other, lookup);
        }

        private <T> T get(List<JcaJceHelper> helpers, Lookup<T> lookup)
                throws NoSuchAlgorithmException, NoSuchProviderException {
            try {
                return first(helpers, lookup);
            } catch (NoSuchAlgorithmException | NoSuchProviderException e) {
                throw e;
            } catch (GeneralSecurityException e) {
                throw unexpected(e);
            }
        }

        @Override
        public Cipher createCipher(String name) throws NoSuchAlgorithmException, NoSuchPaddingException,
                NoSuchProviderException {
            try {
                return first(h -> h.createCipher(name));
            } catch (NoSuchAlgorithmException | NoSuchPaddingException | NoSuchProviderException e) {
                throw e;
            } catch (GeneralSecurityException e) {
                throw unexpected(e);
            }
        }

        @Override
        public Mac createMac(String name) throws NoSuchAlgorithmException, NoSuchProviderException {
            return get(h -> h.createMac(name));
        }

        @Override
        public KeyAgreement createKeyAgreement(String name) throws NoSuchAlgorithmException, NoSuchProviderException {
            return get(publicKey, h -> h.createKeyAgreement(name));
        }

        @Override
        public AlgorithmParameterGenerator createAlgorithmParameterGenerator(String name)
                throws NoSuchAlgorithmException, NoSuchProviderException {
            return get(h -> h.createAlgorithmParameterGenerator(name));
        }

        @Override
        public AlgorithmParameters createAlgorithmParameters(String name)
                throws NoSuchAlgorithmException, NoSuchProviderException {
            return get(h -> h.createAlgorithmParameters(name));
        }

        @Override
        public KeyGenerator createKeyGenerator(String name) throws NoSuchAlgorithmException, NoSuchProviderException {
            return get(h -> h.createKeyGenerator(name));
        }

        @Override
        public KeyFactory createKeyFactory(String name) throws NoSuchAlgorithmException, NoSuchProviderException {
            return get(publicKey, h -> h.createKeyFactory(name));
        }

        @Override
        public SecretKeyFactory createSecretKeyFactory(String name)
                throws NoSuchAlgorithmException, NoSuchProviderException {
            return get(h -> h.createSecretKeyFactory(name));
        }

        @Override
        public KeyPairGenerator createKeyPairGenerator(String name)
                throws NoSuchAlgorithmException, NoSuchProviderException {
            return get(publicKey, h -> h.createKeyPairGenerator(name));
        }

        @Override
        public MessageDigest createDigest(String name) throws NoSuchAlgorithmException, NoSuchProviderException {
            return get(h -> h.createDigest(name));
        }

        @Override
        @SuppressWarnings("deprecation")
        public MessageDigest createMessageDigest(String name) throws NoSuchAlgorithmException, NoSuchProviderException {
            return get(h -> h.createMessageDigest(name));
        }

        @Override
        public Signature createSignature(String name) throws NoSuchAlgorithmException, NoSuchProviderException {
            return get(publicKey, h -> h.createSignature(name));
        }

        @Override
        public CertificateFactory createCertificateFactory(String name)
                throws NoSuchProviderException, CertificateException {
            try {
                return jdk.createCertificateFactory(name);
            } catch (CertificateException e) {
                return bc.createCertificateFactory(name);
            }
        }

        @Override
        public SecureRandom createSecureRandom(String name) throws NoSuchAlgorithmException, NoSuchProviderException {
            return get(h -> h.createSecureRandom(name));
        }

        @Override
        public CertPathBuilder createCertPathBuilder(String name)
                throws NoSuchAlgorithmException, NoSuchProviderException {
            return get(h -> h.createCertPathBuilder(name));
        }

        @Override
        public CertPathValidator createCertPathValidator(String name)
                throws NoSuchAlgorithmException, NoSuchProviderException {
            return get(h -> h.createCertPathValidator(name));
        }

        @Override
        public CertStore createCertStore(String name, CertStoreParameters parameters)
                throws NoSuchAlgorithmException, InvalidAlgorithmParameterException, NoSuchProviderException {
            try {
                return first(h -> h.createCertStore(name, parameters));
            } catch (NoSuchAlgorithmException | InvalidAlgorithmParameterException | NoSuchProviderException e) {
                throw e;
            } catch (GeneralSecurityException e) {
                throw unexpected(e);
            }
        }

        @Override
        public ExemptionMechanism createExemptionMechanism(String name)
                throws NoSuchAlgorithmException, NoSuchProviderException {
            return get(h -> h.createExemptionMechanism(name));
        }

        @Override
        public KeyStore createKeyStore(String name) throws KeyStoreException, NoSuchProviderException {
            try {
                return jdk.createKeyStore(name);
            } catch (KeyStoreException e) {
                return bc.createKeyStore(name);
            }
        }
    }
}
