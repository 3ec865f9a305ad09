package io.turnstile.admin;

import io.turnstile.audit.AuditTrail;
import io.turnstile.org.ApiRole;
import io.turnstile.org.TokenHasher;
import io.turnstile.persistence.admin.AdminEntity;
import io.turnstile.persistence.admin.AdminRepository;
import io.turnstile.persistence.admin.AdminSessionEntity;
import io.turnstile.persistence.admin.SsoRoleEntity;
import io.turnstile.persistence.org.OrgRepository;
import io.turnstile.platform.InvalidRequestException;
import io.turnstile.platform.ResourceNotFoundException;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Admins, sessions and logins on JPA. Passwords: {@link PasswordRules} with Jakarta Security's
 * {@link Pbkdf2PasswordHash}. Sessions live in the database (by the SHA-256 of their key, as API tokens), so they work
 * on every cluster node and survive restarts; a session expires a fixed time after login.
 */
@Stateless
public class AdminServiceBean implements AdminService {

    /** One message for unknown email and wrong password, so a login does not tell which accounts exist. */
    static final String BAD_CREDENTIALS = "Invalid email or password.";
    static final String LOCKED = "Too many failed login attempts; try again later.";
    static final String SSO_ACCOUNT = "sso admin login needs to be initiated by IdP";

    /** The check the contract's and most clients' idea of an email needs; delivery is not Turnstile's concern. */
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]+");
    private static final int CSRF_LENGTH = 32;

    @PersistenceContext(unitName = "turnstile")
    EntityManager em;

    @Inject
    Pbkdf2PasswordHash hasher;

    @Inject
    AuditTrail audit;

    @Inject
    Clock clock;

    @Inject
    SecureRandom random;

    @Inject
    @ConfigProperty(name = "turnstile.admin.session.max-age", defaultValue = "43200")
    long sessionMaxAgeSeconds;

    /** A hash verified when the email is unknown, so that such a login costs as much as a real one. */
    private String decoyHash;

    @PostConstruct
    void init() {
        hasher.initialize(PasswordRules.HASH_PARAMETERS);
        decoyHash = hasher.generate(TokenHasher.generateKey(random).toCharArray());
    }

    @Override
    public SessionTicket login(String email, String password, String previousSessionKey) {
        AdminRepository repo = new AdminRepository(em);
        if (previousSessionKey != null) {
            repo.deleteSession(TokenHasher.hash(previousSessionKey));
        }
        String normalized = normalize(email);
        Optional<AdminEntity> found = normalized == null ? Optional.empty() : repo.findByEmail(normalized);
        char[] pw = password == null ? new char[0] : password.toCharArray();
        if (found.isEmpty() || password == null || password.length() > PasswordRules.MAX_LENGTH) {
            hasher.verify(pw, decoyHash);
            throw new LoginRefusedException(BAD_CREDENTIALS);
        }
        AdminEntity admin = found.get();
        if (admin.getPasswordHash() == null) {
            throw new LoginRefusedException(SSO_ACCOUNT);
        }
        long now = clock.millis();
        if (LoginBackoff.lockedUntil(admin.getFailedLogins(), admin.getLastFailure(), now) > 0) {
            // Checked before the password, so that guesses during the lock cost nothing and teach nothing.
            throw new LoginRefusedException(LOCKED);
        }
        if (!hasher.verify(pw, admin.getPasswordHash())) {
            admin.setFailures(admin.getFailedLogins() + 1, now);
            throw new LoginRefusedException(BAD_CREDENTIALS);
        }
        admin.setFailures(0, null);
        return open(repo, admin, now);
    }

    @Override
    public SessionTicket ssoSignIn(String orgId, String ssoId, String email, String firstName, String lastName,
                                   List<String> roleNames) {
        String normalized = normalize(email);
        if (normalized == null) {
            throw new LoginRefusedException("the IdP sent no valid email");
        }
        AdminRepository repo = new AdminRepository(em);
        Optional<AdminEntity> found = repo.findByEmail(normalized);
        SsoAdmission.checkAccount(found.map(AdminServiceBean::account), ssoId);
        List<List<Privilege>> matched = new ArrayList<>();
        for (String name : roleNames == null ? List.<String>of() : roleNames) {
            repo.findSsoRoleByName(orgId, name).map(SsoRoleEntity::getPrivileges).map(Privileges::parse)
                    .ifPresent(matched::add);
        }
        ApiRole role = SsoAdmission.role(matched, orgId);
        long now = clock.millis();
        String privileges = Privileges.write(List.of(new Privilege(orgId, role)));
        AdminEntity admin = found.orElseGet(() -> {
            AdminEntity created = new AdminEntity(UUID.randomUUID().toString(), normalized, null, ssoId, privileges,
                    now);
            repo.persist(created);
            return created;
        });
        admin.setPrivileges(privileges);
        admin.setFirstName(firstName);
        admin.setLastName(lastName);
        admin.setModified(now);
        return open(repo, admin, now);
    }

    private SessionTicket open(AdminRepository repo, AdminEntity admin, long now) {
        repo.deleteExpiredSessions(now);
        String key = TokenHasher.generateKey(random);
        String csrf = TokenHasher.generateKey(random).substring(0, CSRF_LENGTH);
        long expires = now + sessionMaxAgeSeconds * 1000;
        repo.persist(new AdminSessionEntity(TokenHasher.hash(key), admin.getId(), csrf, now, expires));
        AdminAccount account = account(admin);
        Caller actor = caller(account);
        for (Privilege p : account.privileges()) {
            audit.record(actor, p.orgId(), account.displayName() + " " + account.email() + " Login with Role “"
                    + p.role().wire() + "”", null, null);
        }
        return new SessionTicket(key, csrf, expires, admin.getId(), admin.getEmail());
    }

    @Override
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Optional<SignedIn> session(String sessionKey) {
        if (sessionKey == null || sessionKey.isEmpty() || sessionKey.length() > TokenHasher.MAX_KEY_LENGTH) {
            return Optional.empty();
        }
        AdminRepository repo = new AdminRepository(em);
        Optional<AdminSessionEntity> s = repo.findSession(TokenHasher.hash(sessionKey));
        if (s.isEmpty() || s.get().getExpires() <= clock.millis()) {
            return Optional.empty();
        }
        return repo.find(s.get().getAdminId()).map(a -> new SignedIn(caller(account(a)), s.get().getCsrfToken()));
    }

    @Override
    public void logout(String sessionKey) {
        if (sessionKey != null && !sessionKey.isEmpty() && sessionKey.length() <= TokenHasher.MAX_KEY_LENGTH) {
            new AdminRepository(em).deleteSession(TokenHasher.hash(sessionKey));
        }
    }

    @Override
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Optional<AdminAccount> lookup(String email) {
        String normalized = normalize(email);
        return normalized == null ? Optional.empty()
                : new AdminRepository(em).findByEmail(normalized).map(AdminServiceBean::account);
    }

    @Override
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public AdminAccount find(String adminId) {
        return new AdminRepository(em).find(adminId).map(AdminServiceBean::account)
                .orElseThrow(() -> new ResourceNotFoundException("admin not found"));
    }

    @Override
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<AdminAccount> list(String orgId) {
        return new AdminRepository(em).mentioningOrg(orgId).stream().map(AdminServiceBean::account)
                .filter(a -> inOrg(a, orgId)).toList();
    }

    @Override
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public AdminAccount get(String orgId, String adminId) {
        return account(existing(new AdminRepository(em), orgId, adminId));
    }

    @Override
    public AdminAccount create(String orgId, Map<String, Object> body) {
        requireOrg(orgId);
        Map<String, Object> b = body == null ? Map.of() : body;
        String email = normalize(text(b, "email"));
        if (email == null) {
            throw new InvalidRequestException("email is required and must be an email address");
        }
        String password = text(b, "password");
        PasswordRules.check(password);
        List<Privilege> privileges = Privileges.fromRequest(b.get("privileges"), orgId);
        AdminRepository repo = new AdminRepository(em);
        if (repo.findByEmail(email).isPresent()) {
            throw new InvalidRequestException("an admin with email " + email + " already exists");
        }
        long now = clock.millis();
        AdminEntity admin = new AdminEntity(UUID.randomUUID().toString(), email,
                hasher.generate(password.toCharArray()), null, Privileges.write(privileges), now);
        admin.setFirstName(text(b, "first_name"));
        admin.setLastName(text(b, "last_name"));
        repo.persist(admin);
        AdminAccount created = account(admin);
        audit.record(orgId, "Add Admin " + email, null, created);
        return created;
    }

    @Override
    public AdminAccount update(String orgId, String adminId, Map<String, Object> body) {
        Map<String, Object> b = body == null ? Map.of() : body;
        AdminRepository repo = new AdminRepository(em);
        AdminEntity admin = existing(repo, orgId, adminId);
        AdminAccount before = account(admin);
        if (b.containsKey("first_name")) {
            admin.setFirstName(text(b, "first_name"));
        }
        if (b.containsKey("last_name")) {
            admin.setLastName(text(b, "last_name"));
        }
        if (b.containsKey("password")) {
            if (admin.getPasswordHash() == null) {
                throw new InvalidRequestException("an SSO admin has no password");
            }
            String password = text(b, "password");
            PasswordRules.check(password);
            admin.setPasswordHash(hasher.generate(password.toCharArray()));
            admin.setFailures(0, null);
        }
        if (b.containsKey("privileges")) {
            ApiRole newRole = Privileges.fromRequest(b.get("privileges"), orgId).get(0).role();
            if (newRole != ApiRole.ADMIN) {
                requireAnotherAdmin(repo, orgId, before);
            }
            admin.setPrivileges(Privileges.write(withRole(before.privileges(), orgId, newRole)));
        }
        admin.setModified(clock.millis());
        AdminAccount after = account(admin);
        audit.record(orgId, "Update Admin " + admin.getEmail(), before, after);
        return after;
    }

    @Override
    public void delete(String orgId, String adminId) {
        AdminRepository repo = new AdminRepository(em);
        AdminEntity admin = existing(repo, orgId, adminId);
        AdminAccount before = account(admin);
        requireAnotherAdmin(repo, orgId, before);
        List<Privilege> rest = withRole(before.privileges(), orgId, null);
        if (rest.isEmpty()) {
            repo.deleteSessionsOf(adminId);
            repo.remove(admin);
        } else {
            admin.setPrivileges(Privileges.write(rest));
            admin.setModified(clock.millis());
        }
        audit.record(orgId, "Delete Admin " + admin.getEmail(), before, null);
    }

    /**
     * Refuses to take the admin role in {@code orgId} from {@code target} if it is the org's last local admin with
     * that role: an org must keep a way in that depends on no IdP and no token.
     */
    private static void requireAnotherAdmin(AdminRepository repo, String orgId, AdminAccount target) {
        if (!target.local() || roleIn(target, orgId) != ApiRole.ADMIN) {
            return;
        }
        long others = repo.mentioningOrg(orgId).stream().map(AdminServiceBean::account)
                .filter(a -> a.local() && !a.id().equals(target.id()) && roleIn(a, orgId) == ApiRole.ADMIN).count();
        if (others == 0) {
            throw new InvalidRequestException("the last local admin with the admin role cannot be deleted or demoted");
        }
    }

    private static List<Privilege> withRole(List<Privilege> privileges, String orgId, ApiRole role) {
        List<Privilege> out = new ArrayList<>();
        for (Privilege p : privileges) {
            if (!p.orgId().equals(orgId)) {
                out.add(p);
            }
        }
        if (role != null) {
            out.add(new Privilege(orgId, role));
        }
        return out;
    }

    private void requireOrg(String orgId) {
        if (new OrgRepository(em).findOrganisation(orgId).isEmpty()) {
            throw new ResourceNotFoundException("organisation not found");
        }
    }

    private static AdminEntity existing(AdminRepository repo, String orgId, String adminId) {
        return repo.find(adminId).filter(a -> inOrg(account(a), orgId))
                .orElseThrow(() -> new ResourceNotFoundException("admin " + adminId + " not found"));
    }

    private static boolean inOrg(AdminAccount a, String orgId) {
        return roleIn(a, orgId) != null;
    }

    private static ApiRole roleIn(AdminAccount a, String orgId) {
        return a.privileges().stream().filter(p -> p.orgId().equals(orgId)).map(Privilege::role).findFirst()
                .orElse(null);
    }

    static AdminAccount account(AdminEntity a) {
        return new AdminAccount(a.getId(), a.getEmail(), a.getFirstName(), a.getLastName(),
                Privileges.parse(a.getPrivileges()), a.getSsoId(), a.getCreated(), a.getModified());
    }

    static Caller caller(AdminAccount a) {
        Map<String, ApiRole> roles = new LinkedHashMap<>(Privileges.byOrg(a.privileges()));
        return new Caller(Caller.Kind.ADMIN, a.id(), a.email(), a.displayName(), roles, null);
    }

    /** Lower case and trimmed, or null if it is not an email address. */
    static String normalize(String email) {
        if (email == null) {
            return null;
        }
        String e = email.trim().toLowerCase(Locale.ROOT);
        return e.length() <= 320 && EMAIL.matcher(e).matches() ? e : null;
    }

    private static String text(Map<String, Object> body, String field) {
        Object v = body.get(field);
        if (v != null && !(v instanceof String)) {
            throw new InvalidRequestException(field + " must be a string");
        }
        return (String) v;
    }
}
