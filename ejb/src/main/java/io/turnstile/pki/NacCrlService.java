package io.turnstile.pki;

import java.security.cert.X509CRL;
import java.util.List;

/** The organisation's uploaded CRLs (contract: {@code /orgs/{org_id}/setting/mist_nac_crls}). */
public interface NacCrlService {

    List<NacCrl> list(String orgId);

    /**
     * Stores a CRL (PEM or DER).
     *
     * @param name issuer name to show, or null for the CRL's issuer DN
     * @throws io.turnstile.platform.InvalidRequestException if the file is not a CRL
     */
    NacCrl importCrl(String orgId, byte[] file, String name);

    /** @throws io.turnstile.platform.ResourceNotFoundException if the organisation has no such CRL */
    void delete(String orgId, String id);

    /** The parsed CRLs, for certificate validation; unreadable rows are skipped (logged). */
    List<X509CRL> crls(String orgId);
}
