package io.turnstile.api.pki;

/**
 * The contract's {@code response_certificate}: the org CA certificate (PEM). {@code pending_cert} and
 * {@code pending_cert_expiry} (CA rotation) are not produced yet and are left out.
 */
public record CertificateJson(String cert, String pendingCert, Long pendingCertExpiry) {

    public static CertificateJson of(String certPem) {
        return new CertificateJson(certPem, null, null);
    }
}
