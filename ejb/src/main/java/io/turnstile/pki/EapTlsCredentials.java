package io.turnstile.pki;

import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.util.List;

/**
 * What an organisation's EAP-TLS server needs: its key and chain (issued by the org CA), the CAs client certificates
 * may chain to (the org CA plus {@code mist_nac.cacerts}), their CRLs, and the org's OCSP policy.
 */
public record EapTlsCredentials(CertifiedKey server, List<X509Certificate> trustedCas, List<X509CRL> crls,
                                OcspCheck ocsp) {

    public EapTlsCredentials {
        trustedCas = List.copyOf(trustedCas);
        crls = crls == null ? List.of() : List.copyOf(crls);
        ocsp = ocsp == null ? OcspCheck.OFF : ocsp;
    }

    /** Without online revocation checks. */
    public EapTlsCredentials(CertifiedKey server, List<X509Certificate> trustedCas, List<X509CRL> crls) {
        this(server, trustedCas, crls, OcspCheck.OFF);
    }
}
