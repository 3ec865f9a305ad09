package io.turnstile.admin;

import io.turnstile.audit.AuditTrail;
import io.turnstile.persistence.admin.AdminRepository;
import io.turnstile.persistence.admin.SsoRoleEntity;
import io.turnstile.persistence.org.OrgRepository;
import io.turnstile.platform.InvalidRequestException;
import io.turnstile.platform.ResourceNotFoundException;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** {@code sso_role} on JPA. */
@Stateless
public class SsoRoleServiceBean implements SsoRoleService {

    @PersistenceContext(unitName = "turnstile")
    EntityManager em;

    @Inject
    AuditTrail audit;

    @Inject
    Clock clock;

    @Override
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<SsoRole> list(String orgId, int limit, int page) {
        int offset = (int) Math.min(Integer.MAX_VALUE, (long) (Math.max(1, page) - 1) * limit);
        return limit == 0 ? List.of() : new AdminRepository(em).ssoRoles(orgId, offset, limit).stream()
                .map(SsoRoleServiceBean::model).toList();
    }

    @Override
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public SsoRole get(String orgId, String id) {
        return model(existing(new AdminRepository(em), orgId, id));
    }

    @Override
    public SsoRole create(String orgId, Map<String, Object> body) {
        if (new OrgRepository(em).findOrganisation(orgId).isEmpty()) {
            throw new ResourceNotFoundException("organisation not found");
        }
        Map<String, Object> b = body == null ? Map.of() : body;
        String name = name(b.get("name"));
        List<Privilege> privileges = Privileges.fromRequest(b.get("privileges"), orgId);
        AdminRepository repo = new AdminRepository(em);
        if (repo.findSsoRoleByName(orgId, name).isPresent()) {
            throw new InvalidRequestException("an ssorole named '" + name + "' already exists");
        }
        SsoRoleEntity e = new SsoRoleEntity(UUID.randomUUID().toString(), orgId, name, Privileges.write(privileges),
                clock.millis());
        repo.persist(e);
        SsoRole created = model(e);
        audit.record(orgId, "Add SSO Role " + name, null, created);
        return created;
    }

    @Override
    public SsoRole update(String orgId, String id, Map<String, Object> body) {
        Map<String, Object> b = body == null ? Map.of() : body;
        AdminRepository repo = new AdminRepository(em);
        SsoRoleEntity e = existing(repo, orgId, id);
        SsoRole before = model(e);
        if (b.containsKey("name")) {
            String name = name(b.get("name"));
            if (!name.equals(e.getName()) && repo.findSsoRoleByName(orgId, name).isPresent()) {
                throw new InvalidRequestException("an ssorole named '" + name + "' already exists");
            }
            e.setName(name);
        }
        if (b.containsKey("privileges")) {
            e.setPrivileges(Privileges.write(Privileges.fromRequest(b.get("privileges"), orgId)));
        }
        e.setModified(clock.millis());
        SsoRole after = model(e);
        audit.record(orgId, "Update SSO Role " + e.getName(), before, after);
        return after;
    }

    @Override
    public void delete(String orgId, String id) {
        AdminRepository repo = new AdminRepository(em);
        SsoRoleEntity e = existing(repo, orgId, id);
        SsoRole before = model(e);
        repo.remove(e);
        audit.record(orgId, "Delete SSO Role " + e.getName(), before, null);
    }

    private static String name(Object value) {
        if (!(value instanceof String s) || s.isBlank() || s.length() > 255) {
            throw new InvalidRequestException("name is required: a string of 1 to 255 characters");
        }
        return s.trim();
    }

    private static SsoRoleEntity existing(AdminRepository repo, String orgId, String id) {
        return repo.findSsoRole(orgId, id).orElseThrow(() -> new ResourceNotFoundException("ssorole " + id
                + " not found"));
    }

    private static SsoRole model(SsoRoleEntity e) {
        return new SsoRole(e.getId(), e.getOrgId(), e.getName(), Privileges.parse(e.getPrivileges()), e.getCreated(),
                e.getModified());
    }
}
