package io.turnstile.audit;

import io.turnstile.platform.InvalidRequestException;
import io.turnstile.platform.Paging;
import io.turnstile.platform.TimeWindow;

import java.time.Clock;
import java.util.Set;

/**
 * Filters of {@code GET /orgs/{org_id}/logs} and {@code logs/count}: time window ({@code start}, {@code end},
 * {@code duration}, default the last day), {@code site_id}, {@code admin_id}, {@code admin_name} and {@code message}
 * (case-insensitive, anywhere in the text), {@code sort} ({@code -timestamp} default, {@code timestamp},
 * {@code admin_id}, {@code site_id}), {@code limit}, {@code page}.
 */
public record AuditQuery(TimeWindow window, String siteId, String adminId, String adminName, String message,
                         String sort, int limit, int page) {

    static final Set<String> SORTS = Set.of("-timestamp", "timestamp", "admin_id", "site_id");

    public static AuditQuery parse(String siteId, String adminId, String adminName, String message, String sort,
                                   String start, String end, String duration, String limit, String page,
                                   Clock clock) {
        String s = blank(sort) ? "-timestamp" : sort.trim();
        if (!SORTS.contains(s)) {
            throw new InvalidRequestException("sort must be one of -timestamp, timestamp, admin_id, site_id");
        }
        return new AuditQuery(TimeWindow.parse(start, end, duration, clock), trimmed(siteId), trimmed(adminId),
                trimmed(adminName), trimmed(message), s, Paging.limit(limit), Paging.page(page));
    }

    public int offset() {
        return (int) Math.min(Integer.MAX_VALUE, (long) (page - 1) * limit);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static String trimmed(String s) {
        return blank(s) ? null : s.trim();
    }
}
