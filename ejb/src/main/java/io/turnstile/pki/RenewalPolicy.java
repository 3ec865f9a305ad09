package io.turnstile.pki;

import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * When the organisation's server certificate is replaced: less than {@link #RENEW_BEFORE} left, a different configured
 * server name, or a certificate that the organisation's current CA did not sign.
 */
public final class RenewalPolicy {

    /** Renew when less than this remains. */
    public static final Duration RENEW_BEFORE = Duration.ofDays(30);

    private RenewalPolicy() {
    }

    /**
     * Why {@code server} must be replaced, or empty if it is good.
     *
     * @param server           the stored server certificate
     * @param issuedForName    the server name it was issued for (stored with it)
     * @param ca               the organisation's current CA certificate
     * @param wantedServerName the configured server name now
     * @param now              the current time
     */
    public static Optional<String> renewalReason(X509Certificate server, String issuedForName, X509Certificate ca,
                                                 String wantedServerName, Instant now) {
        return renewalReason(server, issuedForName, ca, wantedServerName, ServerKeyType.RSA_2048, now);
    }

    /** As above, and also when the certificate's key is not of the configured {@code wantedKeyType}. */
    public static Optional<String> renewalReason(X509Certificate server, String issuedForName, X509Certificate ca,
                                                 String wantedServerName, ServerKeyType wantedKeyType, Instant now) {
        Instant notAfter = server.getNotAfter().toInstant();
        if (!now.isBefore(notAfter.minus(RENEW_BEFORE))) {
            return Optional.of(now.isBefore(notAfter) ? "expires " + notAfter + ", less than "
                    + RENEW_BEFORE.toDays() + " days from now" : "expired " + notAfter);
        }
        if (!issuedForName.equals(wantedServerName)) {
            return Optional.of("server name changed from " + issuedForName + " to " + wantedServerName);
        }
        if (!wantedKeyType.matches(server.getPublicKey())) {
            return Optional.of("server key type changed to " + wantedKeyType.configName());
        }
        if (!server.getIssuerX500Principal().equals(ca.getSubjectX500Principal()) || !signedBy(server, ca)) {
            return Optional.of("not issued by the organisation's current CA");
        }
        return Optional.empty();
    }

    private static boolean signedBy(X509Certificate certificate, X509Certificate ca) {
        try {
            certificate.verify(ca.getPublicKey());
            return true;
        } catch (GeneralSecurityException e) {
            return false;
        }
    }
}
