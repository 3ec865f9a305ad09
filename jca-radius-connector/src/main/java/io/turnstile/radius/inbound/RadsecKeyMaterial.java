package io.turnstile.radius.inbound;

import io.turnstile.radius.api.RadsecCredentials;

import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedKeyManager;
import javax.net.ssl.X509ExtendedTrustManager;
import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.Principal;
import java.security.PrivateKey;
import java.security.cert.CertPathValidator;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Key and trust managers for the RadSec listener that read the application's current credentials (cached for a
 * minute), so a renewed server certificate or a new trusted CA applies without restarting the listener.
 * Client certificates are validated with PKIX against the trusted CAs (RFC 6614 §2.3: mutual authentication).
 */
final class RadsecKeyMaterial {

    static final String ALIAS = "turnstile";

    private record Cached(Optional<RadsecCredentials> credentials, long expiresAt) {
    }

    private final Supplier<Optional<RadsecCredentials>> source;
    private final Clock clock;
    private final long ttlMillis;
    private volatile Cached cached = new Cached(Optional.empty(), 0);

    RadsecKeyMaterial(Supplier<Optional<RadsecCredentials>> source, Clock clock, long ttlMillis) {
        this.source = source;
        this.clock = clock;
        this.ttlMillis = ttlMillis;
    }

    Optional<RadsecCredentials> current() {
        Cached c = cached;
        long now = clock.millis();
        if (c.expiresAt < now) {
            Optional<RadsecCredentials> fresh = source.get();
            // Keep serving the last good credentials if the application is briefly unavailable.
            c = new Cached(fresh.isPresent() ? fresh : c.credentials, now + (fresh.isPresent() ? ttlMillis : 2000));
            cached = c;
        }
        return c.credentials;
    }

    X509ExtendedKeyManager keyManager() {
        return new X509ExtendedKeyManager() {
            @Override
            public String chooseEngineServerAlias(String keyType, Principal[] issuers, SSLEngine engine) {
                return chooseServerAlias(keyType, issuers, null);
            }

            @Override
            public String chooseServerAlias(String keyType, Principal[] issuers, Socket socket) {
                return current().filter(c -> c.key().getAlgorithm().equalsIgnoreCase(normalise(keyType)))
                        .map(c -> ALIAS).orElse(null);
            }

            @Override
            public X509Certificate[] getCertificateChain(String alias) {
                return current().map(c -> c.chain().toArray(X509Certificate[]::new)).orElse(null);
            }

            @Override
            public PrivateKey getPrivateKey(String alias) {
                return current().map(RadsecCredentials::key).orElse(null);
            }

            @Override
            public String[] getServerAliases(String keyType, Principal[] issuers) {
                String a = chooseServerAlias(keyType, issuers, null);
                return a == null ? null : new String[]{a};
            }

            @Override
            public String[] getClientAliases(String keyType, Principal[] issuers) {
                return null;
            }

            @Override
            public String chooseClientAlias(String[] keyType, Principal[] issuers, Socket socket) {
                return null;
            }
        };
    }

    /** JSSE asks for "RSA", "EC", "EC_EC", "RSASSA-PSS"...; keys say "RSA" or "EC". */
    private static String normalise(String keyType) {
        if (keyType.startsWith("EC")) {
            return "EC";
        }
        return keyType.startsWith("RSA") ? "RSA" : keyType;
    }

    X509ExtendedTrustManager trustManager() {
        return new X509ExtendedTrustManager() {
            @Override
            public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
                validate(chain);
            }

            @Override
            public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket)
                    throws CertificateException {
                validate(chain);
            }

            @Override
            public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
                    throws CertificateException {
                validate(chain);
            }

            @Override
            public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
                throw new CertificateException("server role only");
            }

            @Override
            public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket)
                    throws CertificateException {
                throw new CertificateException("server role only");
            }

            @Override
            public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
                    throws CertificateException {
                throw new CertificateException("server role only");
            }

            @Override
            public X509Certificate[] getAcceptedIssuers() {
                return current().map(c -> c.trustedCas().toArray(X509Certificate[]::new))
                        .orElse(new X509Certificate[0]);
            }
        };
    }

    void validate(X509Certificate[] chain) throws CertificateException {
        if (chain == null || chain.length == 0) {
            throw new CertificateException("no client certificate");
        }
        List<X509Certificate> anchors = current().map(RadsecCredentials::trustedCas).orElse(List.of());
        if (anchors.isEmpty()) {
            throw new CertificateException("no trusted RadSec CAs configured");
        }
        try {
            Set<TrustAnchor> trust = new HashSet<>();
            anchors.forEach(a -> trust.add(new TrustAnchor(a, null)));
            PKIXParameters params = new PKIXParameters(trust);
            // Revocation (CRL/OCSP) comes with the PKI issue; validity dates and signatures are checked here.
            params.setRevocationEnabled(false);
            params.setDate(new java.util.Date(clock.millis()));
            // The path excludes a trust anchor the peer may have sent along.
            List<X509Certificate> path = Arrays.stream(chain).filter(c -> !anchors.contains(c)).toList();
            if (path.isEmpty()) {
                throw new CertificateException("client presented a CA certificate only");
            }
            CertPathValidator.getInstance("PKIX")
                    .validate(CertificateFactory.getInstance("X.509").generateCertPath(path), params);
        } catch (GeneralSecurityException e) {
            throw new CertificateException("client certificate not trusted: " + e.getMessage(), e);
        }
    }
}
