package io.turnstile.eap.tls;

/**
 * EAP-TLS settings.
 *
 * @param minimumTlsVersion "1.2" or "1.3"
 * @param fragmentSize      TLS data octets per EAP-TLS packet; the default (1300) keeps an Access-Challenge with
 *                          State and Message-Authenticator under 1,400 octets
 * @param maxMessageLength  largest TLS message a peer may send in fragments (bounds buffering per conversation)
 */
public record EapTlsSettings(String minimumTlsVersion, int fragmentSize, int maxMessageLength) {

    public static final EapTlsSettings DEFAULTS = new EapTlsSettings("1.2", 1300, 64 * 1024);

    public EapTlsSettings {
        if (!"1.2".equals(minimumTlsVersion) && !"1.3".equals(minimumTlsVersion)) {
            throw new IllegalArgumentException("minimum TLS version must be 1.2 or 1.3, not " + minimumTlsVersion);
        }
        if (fragmentSize < 64 || fragmentSize > 4000) {
            throw new IllegalArgumentException("EAP-TLS fragment size must be 64..4000, not " + fragmentSize);
        }
        if (maxMessageLength < 4096) {
            throw new IllegalArgumentException("EAP-TLS maximum message length must be at least 4096");
        }
    }
}
