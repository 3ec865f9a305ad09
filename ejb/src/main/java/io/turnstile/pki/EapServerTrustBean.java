package io.turnstile.pki;

import io.turnstile.platform.NativeCrypto;
import io.turnstile.org.OrgSetting;
import io.turnstile.org.PemCertificates;
import io.turnstile.org.SettingService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;

import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * {@link EapServerTrust} from the organisation PKI: the org's server key and chain (the one imported as
 * {@code mist_nac.server_cert}, else the org-CA-issued one), and as client CAs the org CA plus
 * the PEM list {@code mist_nac.cacerts} of the org setting, and the uploaded CRLs. Kept per organisation for {@link #REFRESH_MILLIS} (an
 * EAP handshake must not cost database reads), dropped when the PKI or the setting announces a change on this node;
 * other nodes of a cluster pick a change up when their entry expires.
 */
@ApplicationScoped
public class EapServerTrustBean implements EapServerTrust {

    private static final Logger LOG = Logger.getLogger(EapServerTrustBean.class.getName());
    static final long REFRESH_MILLIS = 60_000;

    private record Entry(Optional<EapTlsCredentials> credentials, long refreshAt) {
    }

    @Inject
    OrgCertificateAuthority authority;

    @Inject
    SettingService settings;

    @Inject
    NacCrlService crls;

    @Inject
    Clock clock;

    @Inject
    OcspClient ocsp;

    private final Map<String, Entry> cache = new ConcurrentHashMap<>();

    @Override
    public Optional<EapTlsCredentials> credentials(String orgId) {
        long now = clock.millis();
        Entry e = cache.get(orgId);
        if (e != null && now < e.refreshAt()) {
            return e.credentials();
        }
        Entry loaded = load(orgId, now);
        cache.put(orgId, loaded);
        return loaded.credentials();
    }

    void onPkiChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) PkiChanged change) {
        cache.remove(change.orgId());
    }

    private Entry load(String orgId, long now) {
        try {
            CertifiedKey loadedKey = serverKey(orgId);
            // converted once to the native provider's key, not at each handshake's signature
            CertifiedKey server = new CertifiedKey(NativeCrypto.signingKey(loadedKey.key()), loadedKey.chain());
            List<X509Certificate> cas = new ArrayList<>();
            cas.add(authority.caCertificate(orgId));
            OrgSetting setting = settings.get(orgId);
            cas.addAll(nacCas(setting, orgId));
            return new Entry(Optional.of(new EapTlsCredentials(server, cas, crls.crls(orgId),
                    new OcspCheck(ocspSettings(setting, orgId), ocsp))), now + REFRESH_MILLIS);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "EAP server credentials of organisation " + orgId + " cannot be loaded", e);
            return new Entry(Optional.empty(), now + 5_000);
        }
    }

    /**
     * The certificate imported as {@code mist_nac.server_cert} if there is one, else the org-CA-issued default. An
     * import that no longer opens (e.g. another secret key) falls back to the default rather than refusing all EAP.
     */
    private CertifiedKey serverKey(String orgId) {
        try {
            Optional<CertifiedKey> imported = settings.importedServerCertificate(orgId);
            if (imported.isPresent()) {
                return imported.get();
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "The imported EAP server certificate of organisation " + orgId
                    + " cannot be used; presenting the org-CA-issued one", e);
        }
        return authority.serverCredentials(orgId);
    }

    /** {@code mist_nac.ocsp}; the defaults if the stored value is unusable (it is validated on PUT). */
    static OcspSettings ocspSettings(OrgSetting setting, String orgId) {
        try {
            return OcspSettings.of(setting.document());
        } catch (RuntimeException e) {
            LOG.warning("mist_nac.ocsp of organisation " + orgId + " is not usable, using the defaults: "
                    + e.getMessage());
            return OcspSettings.DEFAULTS;
        }
    }

    /** {@code mist_nac.cacerts}: PEM CA certificates client certificates may chain to. Bad entries are skipped. */
    static List<X509Certificate> nacCas(OrgSetting setting, String orgId) {
        Object nac = setting.document().get("mist_nac");
        if (!(nac instanceof Map<?, ?> map) || !(map.get("cacerts") instanceof List<?> list)) {
            return List.of();
        }
        List<X509Certificate> out = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            if (list.get(i) instanceof String pem) {
                try {
                    out.add(PemCertificates.parseCa(pem, "mist_nac.cacerts[" + i + "]"));
                } catch (RuntimeException e) {
                    LOG.warning("mist_nac.cacerts[" + i + "] of organisation " + orgId + " is not a usable CA: "
                            + e.getMessage());
                }
            }
        }
        return out;
    }
}
