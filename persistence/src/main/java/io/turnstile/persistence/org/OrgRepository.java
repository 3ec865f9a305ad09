package io.turnstile.persistence.org;

import jakarta.persistence.EntityManager;

import java.util.List;
import java.util.Optional;

/** Queries and writes of {@code organisation}, {@code api_token} and {@code org_setting}. */
public class OrgRepository {

    private final EntityManager em;

    public OrgRepository(EntityManager em) {
        this.em = em;
    }

    public Optional<OrganisationEntity> findOrganisation(String orgId) {
        return Optional.ofNullable(orgId == null ? null : em.find(OrganisationEntity.class, orgId));
    }

    /** All organisations, oldest first. */
    public List<OrganisationEntity> organisations() {
        return em.createQuery("SELECT o FROM OrganisationEntity o ORDER BY o.created, o.id", OrganisationEntity.class)
                .getResultList();
    }

    public void persist(Object entity) {
        em.persist(entity);
    }

    /** Every token of every org (the authentication cache holds them all). */
    public List<ApiTokenEntity> tokens() {
        return em.createQuery("SELECT t FROM ApiTokenEntity t", ApiTokenEntity.class).getResultList();
    }

    public long tokenCount() {
        return em.createQuery("SELECT COUNT(t) FROM ApiTokenEntity t", Long.class).getSingleResult();
    }

    /** The org's tokens, oldest first. */
    public List<ApiTokenEntity> tokens(String orgId) {
        return em.createQuery("SELECT t FROM ApiTokenEntity t WHERE t.orgId = :org ORDER BY t.created, t.id",
                ApiTokenEntity.class).setParameter("org", orgId).getResultList();
    }

    public Optional<ApiTokenEntity> findToken(String orgId, String id) {
        ApiTokenEntity t = id == null ? null : em.find(ApiTokenEntity.class, id);
        return t != null && t.getOrgId().equals(orgId) ? Optional.of(t) : Optional.empty();
    }

    public void remove(Object entity) {
        em.remove(entity);
    }

    public Optional<ApiTokenEntity> findTokenByHash(String keyHash) {
        return em.createQuery("SELECT t FROM ApiTokenEntity t WHERE t.keyHash = :hash", ApiTokenEntity.class)
                .setParameter("hash", keyHash)
                .getResultStream()
                .findFirst();
    }

    /** Sets {@code last_used} unless a later value is already stored; returns the number of rows changed. */
    public int touchToken(String tokenId, long lastUsed) {
        return em.createQuery("UPDATE ApiTokenEntity t SET t.lastUsed = :at"
                        + " WHERE t.id = :id AND (t.lastUsed IS NULL OR t.lastUsed < :at)")
                .setParameter("at", lastUsed)
                .setParameter("id", tokenId)
                .executeUpdate();
    }

    /** The setting rows of every org. */
    public List<OrgSettingEntity> settings() {
        return em.createQuery("SELECT s FROM OrgSettingEntity s ORDER BY s.orgId", OrgSettingEntity.class)
                .getResultList();
    }

    public Optional<OrgSettingEntity> findSetting(String orgId) {
        return Optional.ofNullable(em.find(OrgSettingEntity.class, orgId));
    }
}
