package io.turnstile.persistence.accounting;

/**
 * Filters of a session search. A session matches the window when it overlaps it: it began (or was first seen) no
 * later than {@code toMillis} and ended (or was last updated, while active) no earlier than {@code fromMillis}.
 * Null filters are not applied.
 *
 * @param mac    12 lower-case hex digits
 * @param status "active" or "stopped"
 */
public record AcctSessionCriteria(String orgId, long fromMillis, long toMillis, String mac, String username,
                                  String sessionId, String status) {
}
