package io.turnstile.pki;

import io.turnstile.policy.CertificateFacts;

/**
 * The outcome of checking a client certificate, with the NAC event it is reported as.
 *
 * @param outcome what was found
 * @param reason  why, for events and logs (no secrets)
 * @param facts   what the leaf certificate says, or null if there was no certificate
 * @param ocsp    the OCSP result of the chain ({@code good} if every certificate asked about was good, {@code revoked}
 *                if one was revoked, else {@code unavailable}), null if none was asked about
 * @param ocspRevokedSubject the subject of the certificate its OCSP responder revoked (the leaf or an intermediate
 *                CA), null unless {@code ocsp} is {@code revoked}
 */
public record CertificateValidation(Outcome outcome, String reason, CertificateFacts facts, String ocsp,
                                    String ocspRevokedSubject) {

    public static final String OCSP_GOOD = "good";
    public static final String OCSP_REVOKED = "revoked";
    /** No usable answer (unreachable, unknown, unverifiable); the reason says which and what fail_open decided. */
    public static final String OCSP_UNAVAILABLE = "unavailable";

    public CertificateValidation(Outcome outcome, String reason, CertificateFacts facts) {
        this(outcome, reason, facts, null, null);
    }

    public CertificateValidation(Outcome outcome, String reason, CertificateFacts facts, String ocsp) {
        this(outcome, reason, facts, ocsp, null);
    }

    /** Each outcome is one NAC event; {@code type} follows the Mist event names, {@code text} their titles. */
    public enum Outcome {
        VALID("NAC_CLIENT_CERT_CHECK_SUCCESS", "NAC Client Certificate Validation Success"),
        INVALID("NAC_CLIENT_CERT_CHECK_FAILURE", "NAC Client Certificate Validation Failure"),
        EXPIRED("NAC_CLIENT_CERT_EXPIRED", "NAC Client Certificate Expired"),
        REVOKED("NAC_CLIENT_CERT_REVOKED", "NAC Client Cert Revoked");

        private final String eventType;
        private final String eventText;

        Outcome(String eventType, String eventText) {
            this.eventType = eventType;
            this.eventText = eventText;
        }

        public String eventType() {
            return eventType;
        }

        public String eventText() {
            return eventText;
        }
    }

    public boolean valid() {
        return outcome == Outcome.VALID;
    }
}
