package io.turnstile.persistence.nas;

import jakarta.persistence.EntityManager;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** Queries and writes of {@code mxcluster} and {@code nas_client}. */
public class MxClusterRepository {

    /** Largest IN list sent in one query. */
    static final int CHUNK = 500;

    private final EntityManager em;

    public MxClusterRepository(EntityManager em) {
        this.em = em;
    }

    public Optional<MxClusterEntity> find(String orgId, String id) {
        MxClusterEntity found = id == null ? null : em.find(MxClusterEntity.class, id);
        return found != null && found.getOrgId().equals(orgId) ? Optional.of(found) : Optional.empty();
    }

    /** One page of the org's clusters, oldest first. */
    public List<MxClusterEntity> list(String orgId, int offset, int limit) {
        return em.createQuery("SELECT c FROM MxClusterEntity c WHERE c.orgId = :org ORDER BY c.created, c.id",
                        MxClusterEntity.class)
                .setParameter("org", orgId)
                .setFirstResult(offset)
                .setMaxResults(limit)
                .getResultList();
    }

    public long count(String orgId) {
        return em.createQuery("SELECT COUNT(c) FROM MxClusterEntity c WHERE c.orgId = :org", Long.class)
                .setParameter("org", orgId)
                .getSingleResult();
    }

    /** Clusters of every org that keep other contract fields ({@code extra}). */
    public List<MxClusterEntity> withExtra() {
        return em.createQuery("SELECT c FROM MxClusterEntity c WHERE c.extra IS NOT NULL ORDER BY c.id",
                MxClusterEntity.class).getResultList();
    }

    /** Clusters of every org with mist_nac enabled (what the RADIUS client table is built from), oldest first. */
    public List<MxClusterEntity> nacEnabled() {
        return em.createQuery("SELECT c FROM MxClusterEntity c WHERE c.nacEnabled = TRUE ORDER BY c.created, c.id",
                MxClusterEntity.class).getResultList();
    }

    /** The clients of these clusters, by cluster id. */
    public Map<String, List<NasClientEntity>> clientsOf(Collection<String> clusterIds) {
        List<String> ids = new ArrayList<>(clusterIds);
        List<NasClientEntity> all = new ArrayList<>();
        for (int from = 0; from < ids.size(); from += CHUNK) {
            all.addAll(em.createQuery("SELECT n FROM NasClientEntity n WHERE n.mxclusterId IN :ids ORDER BY n.address",
                            NasClientEntity.class)
                    .setParameter("ids", ids.subList(from, Math.min(from + CHUNK, ids.size())))
                    .getResultList());
        }
        return all.stream().collect(Collectors.groupingBy(NasClientEntity::getMxclusterId));
    }

    /** Addresses among {@code addresses} that another cluster of the org already has, with that cluster's id. */
    public Map<String, String> addressesTaken(String orgId, Collection<String> addresses, String exceptClusterId) {
        List<String> all = new ArrayList<>(addresses);
        List<NasClientEntity> found = new ArrayList<>();
        for (int from = 0; from < all.size(); from += CHUNK) {
            found.addAll(em.createQuery("SELECT n FROM NasClientEntity n WHERE n.orgId = :org"
                            + " AND n.address IN :addresses AND n.mxclusterId <> :cluster", NasClientEntity.class)
                    .setParameter("org", orgId)
                    .setParameter("addresses", all.subList(from, Math.min(from + CHUNK, all.size())))
                    .setParameter("cluster", exceptClusterId == null ? "" : exceptClusterId)
                    .getResultList());
        }
        return found.stream().collect(Collectors.toMap(NasClientEntity::getAddress, NasClientEntity::getMxclusterId,
                (a, b) -> a));
    }

    public void persist(Object entity) {
        em.persist(entity);
    }

    /** Replaces the clients of a cluster: deletes the old rows in SQL first, then inserts the new ones. */
    public void replaceClients(String clusterId, List<NasClientEntity> clients) {
        deleteClients(clusterId);
        clients.forEach(em::persist);
    }

    public void deleteClients(String clusterId) {
        em.createQuery("DELETE FROM NasClientEntity n WHERE n.mxclusterId = :cluster")
                .setParameter("cluster", clusterId)
                .executeUpdate();
    }

    public void delete(MxClusterEntity cluster) {
        deleteClients(cluster.getId());
        em.remove(cluster);
    }

    public void flush() {
        em.flush();
    }
}
