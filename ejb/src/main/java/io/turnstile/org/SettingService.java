package io.turnstile.org;

import io.turnstile.pki.CertifiedKey;

import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The org setting document (contract: /orgs/{org_id}/setting), see {@link OrgSettingDocument}. */
public interface SettingService {

    /** The stored setting; an org that never saved one has an empty document. */
    OrgSetting get(String orgId);

    /** Merges the top-level fields of {@code changes} into the stored document (see {@link OrgSettingDocument}). */
    OrgSetting update(String orgId, Map<String, Object> changes);

    /**
     * The EAP server certificate imported as {@code mist_nac.server_cert}, key unsealed; empty if none (the org CA
     * issues the default one).
     */
    Optional<CertifiedKey> importedServerCertificate(String orgId);

    /** The CA certificates of the {@code radsec.cacerts} extension, parsed; empty if none. */
    List<X509Certificate> radsecTrustedCas(String orgId);
}
