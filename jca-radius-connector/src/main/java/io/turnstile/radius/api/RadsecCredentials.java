package io.turnstile.radius.api;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;

/**
 * What the RadSec listener (RFC 6614) needs from the application: the server's key and certificate chain (issued by
 * the organisation's CA) and the CAs a RadSec client certificate must chain to (the organisation's CA plus the
 * {@code radsec.cacerts} setting). {@code toString} never shows the key.
 */
public record RadsecCredentials(PrivateKey key, List<X509Certificate> chain, List<X509Certificate> trustedCas) {

    public RadsecCredentials {
        chain = List.copyOf(chain);
        trustedCas = List.copyOf(trustedCas);
    }

    @Override
    public String toString() {
        return "RadsecCredentials[key=<redacted>, chain=" + chain.stream().map(c -> c.getSubjectX500Principal().getName())
                .toList() + ", trustedCas=" + trustedCas.size() + "]";
    }
}
