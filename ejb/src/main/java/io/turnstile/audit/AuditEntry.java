package io.turnstile.audit;

import java.util.Map;

/** One audit log line (contract {@code audit_log}); {@code before}/{@code after} already redacted, may be null. */
public record AuditEntry(String id, String orgId, String siteId, String adminId, String adminName, String message,
                         Map<String, Object> before, Map<String, Object> after, long timestampMillis) {
}
