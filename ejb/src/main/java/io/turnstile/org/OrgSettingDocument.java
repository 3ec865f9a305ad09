package io.turnstile.org;

import io.turnstile.identity.RealmMapping;
import io.turnstile.platform.InvalidRequestException;
import io.turnstile.platform.SecretFields;

import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The org setting document (contract: org_setting) and its Turnstile extension:
 * <pre>
 * "radsec": {"cacerts": ["-----BEGIN CERTIFICATE-----...", ...]}
 * </pre>
 * CA certificates (PEM) that RadSec clients' certificates may chain to, besides the org's own CA.
 *
 * <p>Updates merge at the top level: each field the body carries replaces the stored one, a field given as
 * {@code null} is removed, fields not given stay. Read-only fields ({@link #READ_ONLY}) are ignored in input.
 */
public final class OrgSettingDocument {

    /** Fields the server owns. */
    public static final Set<String> READ_ONLY = Set.of("id", "org_id", "created_time", "modified_time", "for_site",
            "msp_id", "blacklist_url", "pcap_bucket_verified");

    /**
     * The contract's secret-shaped fields (keys, passwords, API tokens): sealed at rest, answered masked
     * (see {@link SecretFields}). {@code mist_nac.server_cert}'s key is not among them: it is checked against its
     * certificate before it is sealed, by {@code io.turnstile.pki.ServerCertificateSetting}.
     */
    public static final SecretFields SECRETS = SecretFields.of("celona.api_key", "cloudshark.apitoken",
            "cradlepoint.cp_api_key", "cradlepoint.ecm_api_key", "device_cert.key", "jcloud.org_apitoken",
            "jcloud_ra.org_apitoken",
            "mxedge_mgmt.mist_password", "mxedge_mgmt.root_password", "security.fips_zeroize_password",
            "ssr.conductor_token");

    public static final String RADSEC = "radsec";
    public static final String CACERTS = "cacerts";

    private OrgSettingDocument() {
    }

    /** The stored document with the changes applied; validated. */
    public static Map<String, Object> merge(Map<String, Object> stored, Map<String, Object> changes) {
        Map<String, Object> merged = new LinkedHashMap<>(stored);
        for (Map.Entry<String, Object> e : changes.entrySet()) {
            if (READ_ONLY.contains(e.getKey())) {
                continue;
            }
            if (e.getValue() == null) {
                merged.remove(e.getKey());
            } else {
                merged.put(e.getKey(), e.getValue());
            }
        }
        validate(merged);
        return merged;
    }

    public static void validate(Map<String, Object> document) {
        radsecCas(document);
        // mist_nac.idps / default_idp_id: realm -> identity provider (contract: org_setting_mist_nac)
        RealmMapping.parse(document);
        // mist_nac.ocsp: Turnstile extension, see OcspSettings
        io.turnstile.pki.OcspSettings.of(document);
    }

    /** The parsed {@code radsec.cacerts}; empty if not set. */
    public static List<X509Certificate> radsecCas(Map<String, Object> document) {
        Object radsec = document.get(RADSEC);
        if (radsec == null) {
            return List.of();
        }
        if (!(radsec instanceof Map<?, ?> map)) {
            throw new InvalidRequestException("radsec must be an object");
        }
        for (Object key : map.keySet()) {
            if (!CACERTS.equals(key)) {
                throw new InvalidRequestException("radsec." + key + " is not a known field (known: cacerts)");
            }
        }
        Object cacerts = map.get(CACERTS);
        if (cacerts == null) {
            return List.of();
        }
        if (!(cacerts instanceof List<?> list)) {
            throw new InvalidRequestException("radsec.cacerts must be a list of PEM certificates");
        }
        List<X509Certificate> out = new ArrayList<>(list.size());
        for (int i = 0; i < list.size(); i++) {
            Object pem = list.get(i);
            if (!(pem instanceof String s)) {
                throw new InvalidRequestException("radsec.cacerts[" + i + "] must be a string (PEM)");
            }
            out.add(PemCertificates.parseCa(s, "radsec.cacerts[" + i + "]"));
        }
        return out;
    }
}
