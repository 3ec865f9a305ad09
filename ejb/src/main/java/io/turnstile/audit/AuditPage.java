package io.turnstile.audit;

import java.util.List;

/** One page of a log search, with the window searched (epoch seconds) and the total number of matches. */
public record AuditPage(List<AuditEntry> results, long total, long startSeconds, long endSeconds, int limit,
                        int page) {
}
