package io.turnstile.identity;

import io.turnstile.audit.AuditTrail;
import io.turnstile.persistence.admin.AdminEntity;
import io.turnstile.persistence.admin.AdminRepository;
import io.turnstile.persistence.identity.SsoEntity;
import io.turnstile.persistence.identity.SsoRepository;
import io.turnstile.persistence.org.OrgRepository;
import io.turnstile.platform.JsonText;
import io.turnstile.platform.Paging;
import io.turnstile.platform.ResourceNotFoundException;
import io.turnstile.platform.SecretBox;
import io.turnstile.platform.InvalidRequestException;
import io.turnstile.sso.IdpMetadata;
import io.turnstile.sso.SamlSsoFields;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** See {@link SsoService}. */
@Stateless
public class SsoServiceBean implements SsoService {

    /** Letters and digits of the SAML {@code domain} (contract: a random string used in the ACS URL). */
    private static final String DOMAIN_ALPHABET = "abcdefghijkmnpqrstuvwxyz23456789";
    private static final int DOMAIN_LENGTH = 10;
    /** IdP metadata is a few KB (Entra's, with several certificates, about 20); anything far larger is refused. */
    static final int MAX_METADATA_CHARS = 256 * 1024;

    @PersistenceContext(unitName = "turnstile")
    EntityManager em;

    /** Every change is audited in its own transaction (masked: secrets never reach the log). */
    @Inject
    AuditTrail audit;

    @Inject
    SecretBox secretBox;

    @Inject
    SecureRandom random;

    @Inject
    Clock clock;

    @Inject
    @Any
    Instance<IdentityProviderFactory> factories;

    @Inject
    Event<SsoChanged> changed;

    @Override
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public SsoPage list(String orgId, int limit, int page) {
        int l = Math.max(0, Math.min(limit, Paging.MAX_LIMIT));
        int p = Math.max(1, page);
        SsoRepository repo = new SsoRepository(em);
        List<SsoEntity> rows = l == 0 ? List.of()
                : repo.list(orgId, (int) Math.min(Integer.MAX_VALUE, (long) (p - 1) * l), l);
        return new SsoPage(rows.stream().map(this::masked).toList(), repo.count(orgId), l, p);
    }

    @Override
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Sso get(String orgId, String ssoId) {
        return masked(find(new SsoRepository(em), orgId, ssoId));
    }

    @Override
    public Sso create(String orgId, Map<String, Object> body) {
        if (new OrgRepository(em).findOrganisation(orgId).isEmpty()) {
            throw new ResourceNotFoundException("organisation not found");
        }
        Map<String, Object> fields = validated(Map.of(), body);
        SsoEntity entity = new SsoEntity(UUID.randomUUID().toString(), orgId, newDomain(), clock.millis());
        store(entity, fields, entity.getCreated());
        new SsoRepository(em).persist(entity);
        Sso created = masked(entity);
        audit.record(orgId, "Add SSO " + created.fields().get("name"), null, created.fields());
        return created;
    }

    @Override
    public Sso update(String orgId, String ssoId, Map<String, Object> body) {
        SsoEntity entity = find(new SsoRepository(em), orgId, ssoId);
        Sso before = masked(entity);
        Map<String, Object> fields = validated(opened(entity), body);
        // strictly increasing, so a provider cached for the previous version is always rebuilt
        store(entity, fields, Math.max(clock.millis(), entity.getModified() + 1));
        changed.fire(new SsoChanged(orgId, ssoId));
        Sso after = masked(entity);
        audit.record(orgId, "Update SSO " + after.fields().get("name"), before.fields(), after.fields());
        return after;
    }

    @Override
    public void delete(String orgId, String ssoId) {
        SsoRepository repo = new SsoRepository(em);
        SsoEntity entity = find(repo, orgId, ssoId);
        Sso before = masked(entity);
        repo.delete(entity);
        // An SSO admin belongs to exactly one SSO: without it the account can never sign in again.
        AdminRepository admins = new AdminRepository(em);
        for (AdminEntity admin : admins.ofSso(ssoId)) {
            admins.deleteSessionsOf(admin.getId());
            admins.remove(admin);
        }
        audit.record(orgId, "Delete SSO " + before.fields().get("name"), before.fields(), null);
        changed.fire(new SsoChanged(orgId, ssoId));
    }

    @Override
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Optional<IdpConfig> idpConfig(String orgId, String ssoId) {
        return new SsoRepository(em).find(orgId, ssoId).map(e -> new IdpConfig(e.getId(), e.getOrgId(),
                e.getName(), e.getIdpType(), opened(e), e.getModified()));
    }

    private Map<String, Object> validated(Map<String, Object> stored, Map<String, Object> body) {
        Map<String, Object> fields = SsoDocument.merge(stored, fromIdpMetadata(body));
        String type = (String) fields.get("idp_type");
        if ("saml".equals(type)) {
            SamlSsoFields.validate(fields);
        }
        for (IdentityProviderFactory f : factories) {
            if (f.idpType().equals(type)) {
                f.validate(fields);
            }
        }
        return fields;
    }

    /** The body with the fields {@link #IDP_METADATA} gives added (the body's own win), without it. */
    static Map<String, Object> fromIdpMetadata(Map<String, Object> body) {
        if (!body.containsKey(IDP_METADATA)) {
            return body;
        }
        Map<String, Object> b = new LinkedHashMap<>(body);
        Object xml = b.remove(IDP_METADATA);
        if (!(xml instanceof String s) || s.isBlank() || s.length() > MAX_METADATA_CHARS) {
            throw new InvalidRequestException(IDP_METADATA + " must be the IdP's SAML 2.0 metadata XML (at most "
                    + MAX_METADATA_CHARS + " characters)");
        }
        IdpMetadata m;
        try {
            m = IdpMetadata.parse(s);
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException(IDP_METADATA + ": " + e.getMessage());
        }
        b.putIfAbsent("idp_type", "saml");
        b.putIfAbsent("issuer", m.issuer());
        b.putIfAbsent("idp_sso_url", m.idpSsoUrl());
        b.putIfAbsent("idp_cert", m.idpCert());
        b.putIfAbsent("nameid_format", m.nameIdFormat().json());
        return b;
    }

    private void store(SsoEntity entity, Map<String, Object> fields, long modified) {
        String document = JsonText.write(SsoDocument.mapSecrets(fields, secretBox::seal));
        entity.update((String) fields.get("name"), (String) fields.get("idp_type"), document, modified);
    }

    private Map<String, Object> opened(SsoEntity e) {
        return SsoDocument.mapSecrets(JsonText.parseObject(e.getDocument()), secretBox::open);
    }

    private Sso masked(SsoEntity e) {
        Map<String, Object> fields = SsoDocument.mapSecrets(JsonText.parseObject(e.getDocument()),
                s -> SsoDocument.MASK);
        return new Sso(e.getId(), e.getOrgId(), e.getDomain(), fields, Instant.ofEpochMilli(e.getCreated()),
                Instant.ofEpochMilli(e.getModified()));
    }

    private String newDomain() {
        StringBuilder b = new StringBuilder(DOMAIN_LENGTH);
        for (int i = 0; i < DOMAIN_LENGTH; i++) {
            b.append(DOMAIN_ALPHABET.charAt(random.nextInt(DOMAIN_ALPHABET.length())));
        }
        return b.toString();
    }

    private static SsoEntity find(SsoRepository repo, String orgId, String ssoId) {
        return repo.find(orgId, ssoId).orElseThrow(() -> new ResourceNotFoundException("sso not found"));
    }
}
