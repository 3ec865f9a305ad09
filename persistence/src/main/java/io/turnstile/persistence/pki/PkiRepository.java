package io.turnstile.persistence.pki;

import jakarta.persistence.EntityManager;

import java.util.List;
import java.util.Optional;

/** Queries and writes of {@code org_ca} and {@code org_server_cert}. */
public class PkiRepository {

    private final EntityManager em;

    public PkiRepository(EntityManager em) {
        this.em = em;
    }

    public Optional<OrgCaEntity> findCa(String orgId) {
        return em.createQuery("SELECT c FROM OrgCaEntity c WHERE c.orgId = :org", OrgCaEntity.class)
                .setParameter("org", orgId)
                .getResultStream()
                .findFirst();
    }

    /** Every organisation's CA (one per organisation). */
    public List<OrgCaEntity> cas() {
        return em.createQuery("SELECT c FROM OrgCaEntity c ORDER BY c.created, c.id", OrgCaEntity.class)
                .getResultList();
    }

    public Optional<OrgServerCertEntity> findServerCert(String orgId) {
        return em.createQuery("SELECT s FROM OrgServerCertEntity s WHERE s.orgId = :org", OrgServerCertEntity.class)
                .setParameter("org", orgId)
                .getResultStream()
                .findFirst();
    }

    /** Adds a row; the caller flushes to learn of a unique violation (another node won the race). */
    public void persist(Object entity) {
        em.persist(entity);
    }

    public void flush() {
        em.flush();
    }
}
