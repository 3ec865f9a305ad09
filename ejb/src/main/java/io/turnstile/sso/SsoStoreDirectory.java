package io.turnstile.sso;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.turnstile.admin.Privilege;
import io.turnstile.admin.Privileges;
import io.turnstile.persistence.admin.AdminRepository;
import io.turnstile.persistence.admin.SsoRoleEntity;
import io.turnstile.persistence.identity.SsoEntity;
import io.turnstile.persistence.identity.SsoRepository;
import io.turnstile.platform.InvalidRequestException;
import io.turnstile.platform.JsonText;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/**
 * {@link SsoDirectory} on the {@code ssos} store (entries with {@code idp_type: saml}, read at every login, so a
 * change applies to the next one) and the admin plane's {@code ssoroles}. A SAML entry holds no secret (the IdP
 * certificate is public), so its document is read as stored.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class SsoStoreDirectory implements SsoDirectory {

    static final String SAML = "saml";
    /** ssoroles read per login: an org has a handful; the bound keeps a runaway org from slowing every login. */
    static final int MAX_SSO_ROLES = 1000;

    @PersistenceContext(unitName = "turnstile")
    EntityManager em;

    @Override
    public Optional<SamlSsoConfig> byDomain(String domain) {
        return new SsoRepository(em).findByDomain(domain).flatMap(SsoStoreDirectory::config);
    }

    @Override
    public Optional<SamlSsoConfig> byId(String orgId, String ssoId) {
        return new SsoRepository(em).find(orgId, ssoId).flatMap(SsoStoreDirectory::config);
    }

    @Override
    public Optional<SamlSsoConfig> bySsoId(String ssoId) {
        return new SsoRepository(em).findById(ssoId).flatMap(SsoStoreDirectory::config);
    }

    @Override
    public Optional<SamlSsoConfig> byEmail(String email) {
        return new SsoRepository(em).ofType(SAML).stream().map(SsoStoreDirectory::config).flatMap(Optional::stream)
                .filter(s -> !s.disabled() && s.coversEmail(email)).findFirst();
    }

    @Override
    public List<SsoRole> ssoRoles(String orgId) {
        return new AdminRepository(em).ssoRoles(orgId, 0, MAX_SSO_ROLES).stream().map(SsoStoreDirectory::role).toList();
    }

    static SsoRole role(SsoRoleEntity e) {
        // Turnstile stores org-scoped privileges only (admin.Privilege); the engine's shape is the contract's.
        List<SsoPrivilege> privileges = Privileges.parse(e.getPrivileges()).stream()
                .map(SsoStoreDirectory::privilege).toList();
        return new SsoRole(e.getId(), e.getName(), privileges);
    }

    static SsoPrivilege privilege(Privilege p) {
        return new SsoPrivilege(Privilege.SCOPE_ORG, p.role().wire(), null, null, null);
    }

    /** Empty for a non-SAML entry, or one stored before its fields were checked and no longer valid. */
    static Optional<SamlSsoConfig> config(SsoEntity e) {
        if (!SAML.equals(e.getIdpType())) {
            return Optional.empty();
        }
        Map<String, Object> fields = JsonText.parseObject(e.getDocument());
        try {
            return Optional.of(SamlSsoFields.config(e.getOrgId(), e.getId(), e.getDomain(), fields));
        } catch (InvalidRequestException | IllegalArgumentException | NullPointerException ex) {
            return Optional.empty();
        }
    }
}
