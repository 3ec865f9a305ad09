package io.turnstile.persistence.endpoints;

import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Queries and writes of {@code usermac} and its labels ({@code usermac_label}), always within one org.
 * <p>
 * Labels are handled here explicitly rather than as a JPA collection of the usermac: {@link #labelsOf} reads the
 * labels of a whole page or batch in one query, {@link #setLabels} replaces them with a bulk delete and inserts.
 * (An {@code @ElementCollection} of embeddables was tried first: EclipseLink 4.0 fails to flush such entities after
 * loading the collection with a fetch join or batch fetch, and loading it per entity is one query per usermac.)
 * A usermac must be in the database (flushed) before labels are added to it, for the foreign key.
 */
public class UsermacRepository {

    /** Largest IN list sent in one query (PostgreSQL takes at most 32767 bind parameters). */
    static final int CHUNK = 500;

    /** Entity fields a search may order by. */
    public static final Set<String> ORDER_FIELDS = Set.of("mac", "name", "createdTime", "modifiedTime");

    private final EntityManager em;

    public UsermacRepository(EntityManager em) {
        this.em = em;
    }

    /** One page of a search and the number of matches over all pages. */
    public record Page(List<UsermacEntity> rows, long total) {
    }

    public Optional<UsermacEntity> find(String orgId, String id) {
        UsermacEntity found = id == null ? null : em.find(UsermacEntity.class, id);
        return found != null && found.getOrgId().equals(orgId) ? Optional.of(found) : Optional.empty();
    }

    public Optional<UsermacEntity> findByMac(String orgId, String mac) {
        return em.createQuery("SELECT u FROM UsermacEntity u WHERE u.orgId = :org AND u.mac = :mac",
                        UsermacEntity.class)
                .setParameter("org", orgId)
                .setParameter("mac", mac)
                .getResultStream()
                .findFirst();
    }

    /** The usermacs of the org with these ids (unknown ids are left out), by id. */
    public Map<String, UsermacEntity> findByIds(String orgId, Collection<String> ids) {
        Map<String, UsermacEntity> byId = new HashMap<>();
        inChunks(ids, chunk -> em.createQuery("SELECT u FROM UsermacEntity u WHERE u.orgId = :org AND u.id IN :ids",
                        UsermacEntity.class)
                .setParameter("org", orgId)
                .setParameter("ids", chunk)
                .getResultList()
                .forEach(u -> byId.put(u.getId(), u)));
        return byId;
    }

    /**
     * The usermacs of the org with these macs, by mac. The query has no org condition on purpose: H2 uses an IN list
     * only on the first column of an index, and with {@code org_id = ?} it would pick {@code (org_id, mac)} and scan the
     * whole org per batch (quadratic over an import). On {@code mac} alone it uses {@code ix_usermac_mac}; the few rows
     * of other orgs with the same mac are dropped here.
     */
    public Map<String, UsermacEntity> findByMacs(String orgId, Collection<String> macs) {
        Map<String, UsermacEntity> byMac = new HashMap<>();
        inChunks(macs, chunk -> em.createQuery("SELECT u FROM UsermacEntity u WHERE u.mac IN :macs",
                        UsermacEntity.class)
                .setParameter("macs", chunk)
                .getResultList()
                .stream()
                .filter(u -> u.getOrgId().equals(orgId))
                .forEach(u -> byMac.put(u.getMac(), u)));
        return byMac;
    }

    /**
     * The mac and id of every usermac of the org, by mac. An import reads this once instead of looking macs up batch
     * by batch: rows it inserts are not in the planner's statistics until commit, so PostgreSQL would soon scan the
     * growing table for every batch.
     */
    public Map<String, String> idsByMac(String orgId) {
        Map<String, String> ids = new HashMap<>();
        em.createQuery("SELECT u.mac, u.id FROM UsermacEntity u WHERE u.orgId = :org", Object[].class)
                .setParameter("org", orgId)
                .getResultList()
                .forEach(row -> ids.put((String) row[0], (String) row[1]));
        return ids;
    }

    /** The labels of these usermacs in their order, by usermac id; a usermac without labels is absent. */
    public Map<String, List<String>> labelsOf(Collection<String> usermacIds) {
        Map<String, List<String>> labels = new HashMap<>();
        inChunks(usermacIds, chunk -> em.createQuery("SELECT l.usermacId, l.label FROM UsermacLabelEntity l"
                        + " WHERE l.usermacId IN :ids ORDER BY l.usermacId, l.labelIndex", Object[].class)
                .setParameter("ids", chunk)
                .getResultList()
                .forEach(row -> labels.computeIfAbsent((String) row[0], k -> new ArrayList<>()).add((String) row[1])));
        return labels;
    }

    /** Replaces the labels of a usermac (already in the database) with these, in this order, without duplicates. */
    public void setLabels(UsermacEntity usermac, List<String> labels) {
        clearLabels(List.of(usermac.getId()));
        addLabels(usermac, labels);
    }

    /** Removes every label of these usermacs. */
    public void clearLabels(Collection<String> usermacIds) {
        inChunks(usermacIds, chunk -> em.createQuery("DELETE FROM UsermacLabelEntity l WHERE l.usermacId IN :ids")
                .setParameter("ids", chunk)
                .executeUpdate());
    }

    /** Adds labels to a usermac (already in the database) that has none. */
    public void addLabels(UsermacEntity usermac, List<String> labels) {
        for (int i = 0; i < labels.size(); i++) {
            em.persist(new UsermacLabelEntity(usermac.getId(), usermac.getOrgId(), labels.get(i), i));
        }
    }

    /** Whether another usermac of the org (not {@code exceptId}) has this mac. */
    public boolean macTaken(String orgId, String mac, String exceptId) {
        return em.createQuery("SELECT COUNT(u) FROM UsermacEntity u"
                        + " WHERE u.orgId = :org AND u.mac = :mac AND u.id <> :id", Long.class)
                .setParameter("org", orgId)
                .setParameter("mac", mac)
                .setParameter("id", exceptId == null ? "" : exceptId)
                .getSingleResult() > 0;
    }

    /**
     * Usermacs of the org whose mac contains {@code macContains} (lower-case hex; {@code null} for any) and that
     * carry at least one of {@code anyLabels} (empty for any), ordered by {@code orderBy} (one of
     * {@link #ORDER_FIELDS}) then mac. The label condition is a range scan of the (org_id, label) index.
     */
    public Page search(String orgId, String macContains, Collection<String> anyLabels, String orderBy,
                       boolean descending, int offset, int limit) {
        if (!ORDER_FIELDS.contains(orderBy)) {
            throw new IllegalArgumentException("cannot order usermacs by " + orderBy);
        }
        String where = " WHERE u.orgId = :org"
                + (macContains == null ? "" : " AND u.mac LIKE :mac")
                + (anyLabels.isEmpty() ? "" : " AND u.id IN (SELECT l.usermacId FROM UsermacLabelEntity l"
                + " WHERE l.orgId = :org AND l.label IN :labels)");
        String direction = descending ? " DESC" : " ASC";
        String order = " ORDER BY u." + orderBy + direction + (orderBy.equals("mac") ? "" : ", u.mac" + direction);

        TypedQuery<Long> count = em.createQuery("SELECT COUNT(u) FROM UsermacEntity u" + where, Long.class);
        TypedQuery<UsermacEntity> rows = em.createQuery("SELECT u FROM UsermacEntity u" + where + order,
                UsermacEntity.class);
        for (TypedQuery<?> q : List.of(count, rows)) {
            q.setParameter("org", orgId);
            if (macContains != null) {
                q.setParameter("mac", "%" + macContains + "%");
            }
            if (!anyLabels.isEmpty()) {
                q.setParameter("labels", anyLabels);
            }
        }
        return new Page(rows.setFirstResult(offset).setMaxResults(limit).getResultList(), count.getSingleResult());
    }

    public void add(UsermacEntity usermac) {
        em.persist(usermac);
    }

    /** Deletes the usermac; its labels go with it (foreign key ON DELETE CASCADE). */
    public void remove(UsermacEntity usermac) {
        em.remove(usermac);
    }

    /** Writes pending changes now, so a constraint violation surfaces here rather than at commit. */
    public void flush() {
        em.flush();
    }

    /** Writes pending changes and forgets the loaded entities (keeps memory bounded during a large import). */
    public void flushAndClear() {
        em.flush();
        em.clear();
    }

    private static void inChunks(Collection<String> values, Consumer<List<String>> query) {
        List<String> all = List.copyOf(values);
        for (int from = 0; from < all.size(); from += CHUNK) {
            query.accept(all.subList(from, Math.min(from + CHUNK, all.size())));
        }
    }
}
