package io.turnstile.persistence.identity;

import jakarta.persistence.EntityManager;

import java.util.List;
import java.util.Optional;

/** Queries and writes of {@code sso}. */
public class SsoRepository {

    private final EntityManager em;

    public SsoRepository(EntityManager em) {
        this.em = em;
    }

    public Optional<SsoEntity> find(String orgId, String id) {
        SsoEntity found = id == null ? null : em.find(SsoEntity.class, id);
        return found != null && found.getOrgId().equals(orgId) ? Optional.of(found) : Optional.empty();
    }

    /** One page of the org's entries, oldest first. */
    public List<SsoEntity> list(String orgId, int offset, int limit) {
        return em.createQuery("SELECT s FROM SsoEntity s WHERE s.orgId = :org ORDER BY s.created, s.id",
                        SsoEntity.class)
                .setParameter("org", orgId)
                .setFirstResult(offset)
                .setMaxResults(limit)
                .getResultList();
    }

    public long count(String orgId) {
        return em.createQuery("SELECT COUNT(s) FROM SsoEntity s WHERE s.orgId = :org", Long.class)
                .setParameter("org", orgId)
                .getSingleResult();
    }

    /** The entry whose SAML URLs use {@code domain} (unique: random, server-assigned). */
    public Optional<SsoEntity> findByDomain(String domain) {
        return em.createQuery("SELECT s FROM SsoEntity s WHERE s.domain = :domain", SsoEntity.class)
                .setParameter("domain", domain).getResultStream().findFirst();
    }

    /** The entry {@code id} in whichever org holds it. */
    public Optional<SsoEntity> findById(String id) {
        return Optional.ofNullable(id == null ? null : em.find(SsoEntity.class, id));
    }

    /** Every org's entries of one {@code idp_type}, oldest first. */
    public List<SsoEntity> ofType(String idpType) {
        return em.createQuery("SELECT s FROM SsoEntity s WHERE s.idpType = :type ORDER BY s.created, s.id",
                SsoEntity.class).setParameter("type", idpType).getResultList();
    }

    public void persist(SsoEntity entity) {
        em.persist(entity);
    }

    public void delete(SsoEntity entity) {
        em.remove(entity);
    }
}
