package io.turnstile.persistence.audit;

import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Queries and writes of {@code audit_log}. */
public class AuditLogRepository {

    /** Filters of a log search; null fields do not filter. Text filters match case-insensitively anywhere. */
    public record Criteria(String orgId, long fromMillis, long toMillis, String siteId, String adminId,
                           String adminName, String message) {
    }

    /** Properties {@code logs/count} may count by, to their JPQL attribute. */
    public static final Map<String, String> DISTINCT = Map.of("admin_id", "adminId", "admin_name", "adminName",
            "message", "message", "site_id", "siteId");

    /** Sort orders of the contract ({@code list_org_logs_sort}) to JPQL. */
    public static final Map<String, String> SORT = Map.of("-timestamp", "l.timestamp DESC, l.id DESC",
            "timestamp", "l.timestamp, l.id", "admin_id", "l.adminId, l.timestamp DESC", "site_id",
            "l.siteId, l.timestamp DESC");

    private final EntityManager em;

    public AuditLogRepository(EntityManager em) {
        this.em = em;
    }

    public void persist(AuditLogEntity entry) {
        em.persist(entry);
    }

    public List<AuditLogEntity> search(Criteria c, String sort, int offset, int limit) {
        TypedQuery<AuditLogEntity> q = em.createQuery("SELECT l FROM AuditLogEntity l WHERE " + where(c)
                + " ORDER BY " + SORT.getOrDefault(sort, SORT.get("-timestamp")), AuditLogEntity.class);
        bind(q, c);
        return q.setFirstResult(offset).setMaxResults(limit).getResultList();
    }

    public long count(Criteria c) {
        TypedQuery<Long> q = em.createQuery("SELECT COUNT(l) FROM AuditLogEntity l WHERE " + where(c), Long.class);
        bind(q, c);
        return q.getSingleResult();
    }

    /** The number of entries per value of {@code distinct} (a key of {@link #DISTINCT}), most frequent first. */
    public Map<String, Long> countBy(Criteria c, String distinct, int limit) {
        String attr = DISTINCT.get(distinct);
        if (attr == null) {
            throw new IllegalArgumentException("unknown distinct " + distinct);
        }
        TypedQuery<Object[]> q = em.createQuery("SELECT l." + attr + ", COUNT(l) FROM AuditLogEntity l WHERE "
                + where(c) + " GROUP BY l." + attr + " ORDER BY COUNT(l) DESC, l." + attr, Object[].class);
        bind(q, c);
        Map<String, Long> out = new LinkedHashMap<>();
        for (Object[] row : q.setMaxResults(limit).getResultList()) {
            out.put(row[0] == null ? null : row[0].toString(), ((Number) row[1]).longValue());
        }
        return out;
    }

    private static String where(Criteria c) {
        List<String> parts = new ArrayList<>();
        parts.add("l.orgId = :org AND l.timestamp >= :from AND l.timestamp <= :to");
        if (c.siteId() != null) {
            parts.add("l.siteId = :site");
        }
        if (c.adminId() != null) {
            parts.add("l.adminId = :admin");
        }
        if (c.adminName() != null) {
            parts.add("LOWER(l.adminName) LIKE :adminName");
        }
        if (c.message() != null) {
            parts.add("LOWER(l.message) LIKE :message");
        }
        return String.join(" AND ", parts);
    }

    private static void bind(TypedQuery<?> q, Criteria c) {
        q.setParameter("org", c.orgId()).setParameter("from", c.fromMillis()).setParameter("to", c.toMillis());
        if (c.siteId() != null) {
            q.setParameter("site", c.siteId());
        }
        if (c.adminId() != null) {
            q.setParameter("admin", c.adminId());
        }
        if (c.adminName() != null) {
            q.setParameter("adminName", like(c.adminName()));
        }
        if (c.message() != null) {
            q.setParameter("message", like(c.message()));
        }
    }

    /** A contains-pattern; LIKE wildcards typed by the user match literally only as far as JPQL allows (no ESCAPE). */
    private static String like(String text) {
        return "%" + text.toLowerCase(Locale.ROOT) + "%";
    }
}
