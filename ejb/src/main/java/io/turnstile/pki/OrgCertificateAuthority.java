package io.turnstile.pki;

import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;

/**
 * The organisation PKI: each organisation's private CA (created on first need), the server certificate it issues
 * (RadSec now, EAP later; renewed when less than 30 days remain) and client certificates. See {@link CertificateIssuer}
 * for the certificate profiles and key choices.
 */
public interface OrgCertificateAuthority {

    /** Validity of client certificates issued from a CSR through the REST extension. */
    Duration CSR_CLIENT_VALIDITY = Duration.ofDays(365);

    /** An organisation and its CA certificate. */
    record OrgCa(String orgId, X509Certificate certificate) {
    }

    /** A client certificate and the CA certificate that issued it. */
    record IssuedCertificate(X509Certificate certificate, X509Certificate ca) {
    }

    /**
     * The organisation's CA certificate; the CA is created first if the organisation has none yet.
     *
     * @throws io.turnstile.platform.ResourceNotFoundException if there is no such organisation
     */
    X509Certificate caCertificate(String orgId);

    /** Every organisation, oldest first, with its CA certificate (creating CAs that are missing). */
    List<OrgCa> organisationCas();

    /**
     * The organisation's server key and chain [server, CA]; the certificate is issued, or renewed, first if it is
     * missing, expires in less than 30 days, names another server or was issued by another CA.
     *
     * @throws io.turnstile.platform.ResourceNotFoundException if there is no such organisation
     */
    CertifiedKey serverCredentials(String orgId);

    /**
     * Makes sure every organisation has a CA and a current server certificate (start-up and daily).
     *
     * @return the number of organisations whose PKI could not be brought up to date (each logged)
     */
    int ensureAll();

    /**
     * A client certificate (extKeyUsage clientAuth, subject {@code CN=commonName}) for {@code publicKey}, issued by the
     * organisation's CA, valid for {@code validity} but not beyond the CA.
     *
     * @throws io.turnstile.platform.ResourceNotFoundException if there is no such organisation
     * @throws io.turnstile.platform.InvalidRequestException    if the name is empty or too long, or the key is weak
     */
    X509Certificate issueClientCertificate(String orgId, String commonName, PublicKey publicKey, Duration validity);

    /**
     * A client certificate for the key of a PKCS#10 request (PEM), valid {@link #CSR_CLIENT_VALIDITY}. The request
     * must be signed by its key, which must be RSA ≥ 2048 or EC ≥ 256 bits. {@code commonName} defaults to the
     * request's subject CN.
     *
     * @throws io.turnstile.platform.ResourceNotFoundException if there is no such organisation
     * @throws InvalidCertificateRequestException               if the request is not acceptable
     */
    IssuedCertificate issueClientCertificate(String orgId, String commonName, String csrPem);
}
