package io.turnstile.org;

import io.turnstile.platform.InvalidRequestException;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Collection;

/** PEM text to X.509 certificates (RFC 7468), as pasted into settings. */
public final class PemCertificates {

    private PemCertificates() {
    }

    /**
     * Exactly one X.509 certificate in PEM form that is a CA certificate (basicConstraints cA=TRUE, RFC 5280 §4.2.1.9).
     * PEM text whose line breaks arrived as the two characters {@code \n} (as in the contract's examples) is accepted.
     *
     * @param where names the value in error messages, e.g. {@code radsec.cacerts[0]}
     */
    public static X509Certificate parseCa(String pem, String where) {
        if (pem == null || !pem.contains("-----BEGIN CERTIFICATE-----")) {
            throw new InvalidRequestException(where + " is not a PEM certificate (-----BEGIN CERTIFICATE-----)");
        }
        String text = pem.indexOf('\n') < 0 ? pem.replace("\\n", "\n") : pem;
        Collection<? extends Certificate> certs;
        try {
            certs = CertificateFactory.getInstance("X.509")
                    .generateCertificates(new ByteArrayInputStream(text.getBytes(StandardCharsets.US_ASCII)));
        } catch (CertificateException e) {
            throw new InvalidRequestException(where + " cannot be parsed as an X.509 certificate");
        }
        if (certs.size() != 1) {
            throw new InvalidRequestException(where + " must hold exactly one certificate, not " + certs.size());
        }
        X509Certificate cert = (X509Certificate) certs.iterator().next();
        if (cert.getBasicConstraints() < 0) {
            throw new InvalidRequestException(where + " (" + cert.getSubjectX500Principal().getName()
                    + ") is not a CA certificate (basicConstraints cA is not TRUE)");
        }
        return cert;
    }
}
