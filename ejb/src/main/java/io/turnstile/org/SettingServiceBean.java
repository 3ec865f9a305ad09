package io.turnstile.org;

import io.turnstile.audit.AuditTrail;
import io.turnstile.persistence.org.OrgRepository;
import io.turnstile.persistence.org.OrgSettingEntity;
import io.turnstile.platform.JsonText;
import io.turnstile.platform.ResourceNotFoundException;
import io.turnstile.platform.SecretBox;
import io.turnstile.pki.CertifiedKey;
import io.turnstile.pki.ServerCertificateSetting;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Stores the org setting document as JSON text. The secrets some contract settings carry
 * ({@link OrgSettingDocument#SECRETS}: a cloudshark apitoken, a device_cert key...) are sealed with {@link SecretBox}
 * in the stored text and leave this service masked; a change that sends the mask back keeps the stored secret. The
 * key of {@code mist_nac.server_cert} is checked with its certificate, sealed and masked by
 * {@link ServerCertificateSetting}.
 */
@Stateless
public class SettingServiceBean implements SettingService {

    private static final Logger LOG = Logger.getLogger(SettingServiceBean.class.getName());

    @PersistenceContext(unitName = "turnstile")
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    AuditTrail audit;

    @Inject
    SecretBox secretBox;

    /** The EAP and RadSec trust caches hold the setting's CA lists; they reload after the commit. */
    @Inject
    jakarta.enterprise.event.Event<io.turnstile.pki.PkiChanged> trustChanged;

    @Override
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public OrgSetting get(String orgId) {
        OrgRepository repo = new OrgRepository(em);
        requireOrg(repo, orgId);
        return repo.findSetting(orgId).map(SettingServiceBean::model)
                .orElseGet(() -> new OrgSetting(orgId, Map.of(), null, null));
    }

    @Override
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Optional<CertifiedKey> importedServerCertificate(String orgId) {
        return new OrgRepository(em).findSetting(orgId)
                .flatMap(s -> new ServerCertificateSetting(secretBox).imported(JsonText.parseObject(s.getDocument())));
    }

    @Override
    public OrgSetting update(String orgId, Map<String, Object> changes) {
        OrgRepository repo = new OrgRepository(em);
        requireOrg(repo, orgId);
        long now = clock.millis();
        OrgSettingEntity entity = repo.findSetting(orgId).orElse(null);
        Map<String, Object> stored = entity == null ? Map.of() : opened(JsonText.parseObject(entity.getDocument()));
        // mist_nac.server_cert: checked (a refusal rolls back, the old certificate stays) and its key sealed
        Map<String, Object> incoming = new ServerCertificateSetting(secretBox).sealIncoming(stored, changes,
                clock.instant());
        Map<String, Object> merged = OrgSettingDocument.merge(stored,
                OrgSettingDocument.SECRETS.keepMasked(incoming, stored));
        String sealed = JsonText.write(OrgSettingDocument.SECRETS.map(merged, secretBox::seal));
        if (entity == null) {
            entity = new OrgSettingEntity(orgId, sealed, now);
            repo.persist(entity);
        } else {
            entity.update(sealed, now);
        }
        OrgSetting after = model(entity);
        audit.record(orgId, "Update Org Settings", masked(stored), after.document());
        if (changes.containsKey("mist_nac") || changes.containsKey("radsec")) {
            // mist_nac.cacerts / radsec.cacerts apply at once, not when a cached trust expires
            trustChanged.fire(new io.turnstile.pki.PkiChanged(orgId));
        }
        return after;
    }

    @Override
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<X509Certificate> radsecTrustedCas(String orgId) {
        return new OrgRepository(em).findSetting(orgId).map(s -> {
            try {
                return OrgSettingDocument.radsecCas(JsonText.parseObject(s.getDocument()));
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "radsec.cacerts of org " + orgId + " cannot be used", e);
                return List.<X509Certificate>of();
            }
        }).orElse(List.of());
    }

    private static void requireOrg(OrgRepository repo, String orgId) {
        if (repo.findOrganisation(orgId).isEmpty()) {
            throw new ResourceNotFoundException("organisation not found");
        }
    }

    /** The stored document with its secrets opened; a value stored before secrets were sealed is taken as is. */
    private Map<String, Object> opened(Map<String, Object> document) {
        return OrgSettingDocument.SECRETS.map(document, s -> SecretBox.isSealed(s) ? secretBox.open(s) : s);
    }

    /** Secrets masked, the imported server key too: they never leave this service. */
    private static Map<String, Object> masked(Map<String, Object> document) {
        return ServerCertificateSetting.mask(OrgSettingDocument.SECRETS.mask(document));
    }

    private static OrgSetting model(OrgSettingEntity e) {
        return new OrgSetting(e.getOrgId(), masked(JsonText.parseObject(e.getDocument())),
                Instant.ofEpochMilli(e.getCreated()),
                Instant.ofEpochMilli(e.getModified()));
    }
}
