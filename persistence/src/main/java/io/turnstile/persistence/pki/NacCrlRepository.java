package io.turnstile.persistence.pki;

import jakarta.persistence.EntityManager;

import java.util.List;
import java.util.Optional;

/** Queries and writes of {@code nac_crl}. */
public class NacCrlRepository {

    private final EntityManager em;

    public NacCrlRepository(EntityManager em) {
        this.em = em;
    }

    public List<NacCrlEntity> forOrg(String orgId) {
        return em.createQuery("SELECT c FROM NacCrlEntity c WHERE c.orgId = :org ORDER BY c.created, c.id",
                NacCrlEntity.class).setParameter("org", orgId).getResultList();
    }

    public Optional<NacCrlEntity> find(String orgId, String id) {
        NacCrlEntity e = em.find(NacCrlEntity.class, id);
        return e == null || !e.getOrgId().equals(orgId) ? Optional.empty() : Optional.of(e);
    }

    public void persist(NacCrlEntity e) {
        em.persist(e);
    }

    public void remove(NacCrlEntity e) {
        em.remove(e);
    }
}
