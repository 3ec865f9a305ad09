package io.turnstile.audit;

import io.turnstile.persistence.audit.AuditLogEntity;
import io.turnstile.persistence.audit.AuditLogRepository;
import io.turnstile.platform.InvalidRequestException;
import io.turnstile.platform.JsonText;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.util.List;
import java.util.Map;

/** Reads {@code audit_log} through {@link AuditLogRepository}. */
@Stateless
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class AuditLogBean implements AuditLog {

    @PersistenceContext(unitName = "turnstile")
    EntityManager em;

    @Override
    public AuditPage search(String orgId, AuditQuery q) {
        AuditLogRepository repo = new AuditLogRepository(em);
        AuditLogRepository.Criteria c = criteria(orgId, q);
        List<AuditEntry> rows = q.limit() == 0 ? List.of()
                : repo.search(c, q.sort(), q.offset(), q.limit()).stream().map(AuditLogBean::entry).toList();
        return new AuditPage(rows, repo.count(c), q.window().startSeconds(), q.window().endSeconds(), q.limit(),
                q.page());
    }

    @Override
    public AuditCount count(String orgId, AuditQuery q, String distinct) {
        String d = distinct == null || distinct.isBlank() ? "admin_name" : distinct.trim();
        if (!AuditLogRepository.DISTINCT.containsKey(d)) {
            throw new InvalidRequestException("distinct must be one of admin_id, admin_name, message, site_id");
        }
        AuditLogRepository repo = new AuditLogRepository(em);
        AuditLogRepository.Criteria c = criteria(orgId, q);
        Map<String, Long> counts = q.limit() == 0 ? Map.of() : repo.countBy(c, d, q.limit());
        return new AuditCount(d, counts, repo.count(c), q.window().startSeconds(), q.window().endSeconds(), q.limit());
    }

    private static AuditLogRepository.Criteria criteria(String orgId, AuditQuery q) {
        return new AuditLogRepository.Criteria(orgId, q.window().fromMillis(), q.window().toMillis(), q.siteId(),
                q.adminId(), q.adminName(), q.message());
    }

    private static AuditEntry entry(AuditLogEntity e) {
        return new AuditEntry(e.getId(), e.getOrgId(), e.getSiteId(), e.getAdminId(), e.getAdminName(),
                e.getMessage(), doc(e.getBefore()), doc(e.getAfter()), e.getTimestamp());
    }

    private static Map<String, Object> doc(String json) {
        return json == null ? null : JsonText.parseObject(json);
    }
}
