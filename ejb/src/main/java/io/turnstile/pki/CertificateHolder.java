package io.turnstile.pki;

/**
 * Whose certificate a check was about: the client of a plain EAP-TLS/PEAP-TLS authentication, or the machine or the
 * user of a TEAP chain (RFC 7170 §4.2.3 Identity-Type). Each has its own NAC event names (the seed's "Machine/User
 * variants for TEAP").
 */
public enum CertificateHolder {
    CLIENT(""), MACHINE("Machine"), USER("User");

    private final String word;

    CertificateHolder(String word) {
        this.word = word;
    }

    /** {@code NAC_CLIENT_CERT_CHECK_SUCCESS} becomes {@code NAC_CLIENT_MACHINE_CERT_CHECK_SUCCESS}, ... */
    public String eventType(CertificateValidation.Outcome outcome) {
        return word.isEmpty() ? outcome.eventType()
                : outcome.eventType().replaceFirst("^NAC_CLIENT_", "NAC_CLIENT_" + word.toUpperCase() + "_");
    }

    /** "NAC Client Certificate Expired" becomes "NAC Client Machine Certificate Expired", ... */
    public String eventText(CertificateValidation.Outcome outcome) {
        return word.isEmpty() ? outcome.eventText()
                : outcome.eventText().replaceFirst("^NAC Client ", "NAC Client " + word + " ");
    }
}
