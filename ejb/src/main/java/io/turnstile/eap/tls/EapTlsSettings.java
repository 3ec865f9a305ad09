package io.turnstile.eap.tls;

/**
 * Settings of the TLS-based EAP methods (EAP-TLS, EAP-TTLS, PEAP).
 *
 * @param minimumTlsVersion "1.2" or "1.3"
 * @param fragmentSize      TLS data octets per EAP-TLS packet; the default (1300) keeps an Access-Challenge with
 *                          State and Message-Authenticator under 1,400 octets
 * @param maxMessageLength  largest TLS message a peer may send in fragments (bounds buffering per conversation)
 * @param maximumTlsVersion "1.2" or "1.3" (default): a site whose supplicants mishandle TLS 1.3 inside TTLS or PEAP can
 *                          cap the version without touching the peers
 */
public record EapTlsSettings(String minimumTlsVersion, int fragmentSize, int maxMessageLength,
                             String maximumTlsVersion) {

    public static final EapTlsSettings DEFAULTS = new EapTlsSettings("1.2", 1300, 64 * 1024, "1.3");

    public EapTlsSettings {
        checkVersion("minimum", minimumTlsVersion);
        checkVersion("maximum", maximumTlsVersion);
        if (minimumTlsVersion.compareTo(maximumTlsVersion) > 0) {
            throw new IllegalArgumentException("minimum TLS version " + minimumTlsVersion + " is above the maximum "
                    + maximumTlsVersion);
        }
        if (fragmentSize < 64 || fragmentSize > 4000) {
            throw new IllegalArgumentException("EAP-TLS fragment size must be 64..4000, not " + fragmentSize);
        }
        if (maxMessageLength < 4096) {
            throw new IllegalArgumentException("EAP-TLS maximum message length must be at least 4096");
        }
    }

    /** Settings with TLS 1.3 as the maximum. */
    public EapTlsSettings(String minimumTlsVersion, int fragmentSize, int maxMessageLength) {
        this(minimumTlsVersion, fragmentSize, maxMessageLength, "1.3");
    }

    private static void checkVersion(String which, String version) {
        if (!"1.2".equals(version) && !"1.3".equals(version)) {
            throw new IllegalArgumentException(which + " TLS version must be 1.2 or 1.3, not " + version);
        }
    }
}
