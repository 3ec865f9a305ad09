package io.turnstile.audit;

/** Reading the audit log of an org. */
public interface AuditLog {

    AuditPage search(String orgId, AuditQuery query);

    /**
     * Counts entries per {@code distinct} value ({@code admin_name} by default; also {@code admin_id}, {@code message},
     * {@code site_id}); {@code total} is the number of matching entries.
     */
    AuditCount count(String orgId, AuditQuery query, String distinct);
}
