package io.turnstile.pki;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;

/**
 * A private key and its certificate chain, leaf first (for a CA: just its self-signed certificate). {@link #toString()}
 * never shows the key.
 */
public record CertifiedKey(PrivateKey key, List<X509Certificate> chain) {

    public CertifiedKey {
        if (key == null || chain == null || chain.isEmpty()) {
            throw new IllegalArgumentException("a key and at least one certificate are required");
        }
        chain = List.copyOf(chain);
    }

    public X509Certificate certificate() {
        return chain.get(0);
    }

    @Override
    public String toString() {
        return "CertifiedKey[key=<redacted>, chain=" + chain.stream()
                .map(c -> c.getSubjectX500Principal().getName()).toList() + "]";
    }
}
