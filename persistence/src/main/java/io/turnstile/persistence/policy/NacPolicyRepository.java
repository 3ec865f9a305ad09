package io.turnstile.persistence.policy;

import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Queries and writes of an org's labels, rules and policy version. */
public class NacPolicyRepository {

    private final EntityManager em;

    public NacPolicyRepository(EntityManager em) {
        this.em = em;
    }

    public List<NacTagEntity> tags(String orgId) {
        return em.createQuery("SELECT t FROM NacTagEntity t WHERE t.orgId = :org ORDER BY t.createdTime, t.id",
                NacTagEntity.class).setParameter("org", orgId).getResultList();
    }

    public List<NacRuleEntity> rules(String orgId) {
        return em.createQuery("SELECT r FROM NacRuleEntity r WHERE r.orgId = :org"
                        + " ORDER BY r.ruleOrder, r.createdTime, r.id", NacRuleEntity.class)
                .setParameter("org", orgId).getResultList();
    }

    public Optional<NacTagEntity> tag(String orgId, String id) {
        NacTagEntity t = id == null ? null : em.find(NacTagEntity.class, id);
        return t != null && t.getOrgId().equals(orgId) ? Optional.of(t) : Optional.empty();
    }

    public Optional<NacRuleEntity> rule(String orgId, String id) {
        NacRuleEntity r = id == null ? null : em.find(NacRuleEntity.class, id);
        return r != null && r.getOrgId().equals(orgId) ? Optional.of(r) : Optional.empty();
    }

    public void persist(Object entity) {
        em.persist(entity);
    }

    public void remove(Object entity) {
        em.remove(entity);
    }

    /**
     * Locks the org's version row (creating it at version 0 first if needed) and increments it. Taken before a change
     * is validated, so that two concurrent changes of one org are serialized and each validates against the other's
     * committed result.
     */
    public long lockAndBump(String orgId, long now) {
        NacPolicyVersionEntity v = em.find(NacPolicyVersionEntity.class, orgId, LockModeType.PESSIMISTIC_WRITE);
        if (v == null) {
            v = new NacPolicyVersionEntity(orgId, 0, now);
            em.persist(v);
            em.flush();
        }
        v.bump(now);
        return v.getVersion();
    }

    public long version(String orgId) {
        NacPolicyVersionEntity v = em.find(NacPolicyVersionEntity.class, orgId);
        return v == null ? 0 : v.getVersion();
    }

    /** Every org's policy version, for the change check of other nodes. */
    public Map<String, Long> versions() {
        Map<String, Long> out = new HashMap<>();
        for (NacPolicyVersionEntity v : em.createQuery("SELECT v FROM NacPolicyVersionEntity v",
                NacPolicyVersionEntity.class).getResultList()) {
            out.put(v.getOrgId(), v.getVersion());
        }
        return out;
    }
}
