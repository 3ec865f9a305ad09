package io.turnstile.audit;

import java.util.Map;

/** The result of {@code logs/count}: entries per value of {@code distinct} (contract {@code response_count}). */
public record AuditCount(String distinct, Map<String, Long> counts, long total, long startSeconds, long endSeconds,
                         int limit) {
}
