package io.turnstile.persistence.admin;

import jakarta.persistence.EntityManager;

import java.util.List;
import java.util.Optional;

/** Queries and writes of {@code admin}, {@code admin_session} and {@code sso_role}. */
public class AdminRepository {

    private final EntityManager em;

    public AdminRepository(EntityManager em) {
        this.em = em;
    }

    public Optional<AdminEntity> find(String id) {
        return Optional.ofNullable(id == null ? null : em.find(AdminEntity.class, id));
    }

    /** @param email lower case */
    public Optional<AdminEntity> findByEmail(String email) {
        return em.createQuery("SELECT a FROM AdminEntity a WHERE a.email = :email", AdminEntity.class)
                .setParameter("email", email)
                .getResultStream().findFirst();
    }

    /**
     * Admins whose privileges mention this org. The privileges are JSON text, so this is a text match on the org id
     * (a UUID, which cannot occur by chance); callers parse the privileges to learn the role.
     */
    public List<AdminEntity> mentioningOrg(String orgId) {
        return em.createQuery("SELECT a FROM AdminEntity a WHERE a.privileges LIKE :org ORDER BY a.created, a.id",
                        AdminEntity.class)
                .setParameter("org", "%" + orgId + "%")
                .getResultList();
    }

    /** The SSO admins created by one SSO. */
    public List<AdminEntity> ofSso(String ssoId) {
        return em.createQuery("SELECT a FROM AdminEntity a WHERE a.ssoId = :sso", AdminEntity.class)
                .setParameter("sso", ssoId).getResultList();
    }

    public void persist(Object entity) {
        em.persist(entity);
    }

    public void remove(Object entity) {
        em.remove(entity);
    }

    public void flush() {
        em.flush();
    }

    public Optional<AdminSessionEntity> findSession(String keyHash) {
        return Optional.ofNullable(keyHash == null ? null : em.find(AdminSessionEntity.class, keyHash));
    }

    public int deleteSession(String keyHash) {
        return em.createQuery("DELETE FROM AdminSessionEntity s WHERE s.keyHash = :hash")
                .setParameter("hash", keyHash).executeUpdate();
    }

    public int deleteSessionsOf(String adminId) {
        return em.createQuery("DELETE FROM AdminSessionEntity s WHERE s.adminId = :admin")
                .setParameter("admin", adminId).executeUpdate();
    }

    public int deleteExpiredSessions(long now) {
        return em.createQuery("DELETE FROM AdminSessionEntity s WHERE s.expires <= :now")
                .setParameter("now", now).executeUpdate();
    }

    public Optional<SsoRoleEntity> findSsoRole(String orgId, String id) {
        SsoRoleEntity found = id == null ? null : em.find(SsoRoleEntity.class, id);
        return found != null && found.getOrgId().equals(orgId) ? Optional.of(found) : Optional.empty();
    }

    public List<SsoRoleEntity> ssoRoles(String orgId, int offset, int limit) {
        return em.createQuery("SELECT r FROM SsoRoleEntity r WHERE r.orgId = :org ORDER BY r.created, r.id",
                        SsoRoleEntity.class)
                .setParameter("org", orgId).setFirstResult(offset).setMaxResults(limit).getResultList();
    }

    public long countSsoRoles(String orgId) {
        return em.createQuery("SELECT COUNT(r) FROM SsoRoleEntity r WHERE r.orgId = :org", Long.class)
                .setParameter("org", orgId).getSingleResult();
    }

    public Optional<SsoRoleEntity> findSsoRoleByName(String orgId, String name) {
        return em.createQuery("SELECT r FROM SsoRoleEntity r WHERE r.orgId = :org AND r.name = :name",
                        SsoRoleEntity.class)
                .setParameter("org", orgId).setParameter("name", name).getResultStream().findFirst();
    }
}
