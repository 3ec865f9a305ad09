package io.turnstile.admin;

/**
 * Lockout with back-off after repeated failed logins of one account: the first {@value #FREE_FAILURES} failures cost
 * nothing; from then on the account is locked after each further failure for {@value #BASE_LOCK_MILLIS} ms, doubled
 * per failure, at most {@value #MAX_LOCK_MILLIS} ms (OWASP Authentication Cheat Sheet, "Account Lockout": a lock that
 * expires by itself, so an attacker cannot lock an admin out for good). A successful login resets the count.
 * Pure; the caller passes the clock's time.
 */
public final class LoginBackoff {

    public static final int FREE_FAILURES = 5;
    public static final long BASE_LOCK_MILLIS = 30_000;
    public static final long MAX_LOCK_MILLIS = 3_600_000;

    private LoginBackoff() {
    }

    /** How long the account stays locked after its last failure, given the failures so far (0 = not locked). */
    public static long lockMillis(int failures) {
        if (failures < FREE_FAILURES) {
            return 0;
        }
        int doublings = failures - FREE_FAILURES;
        if (doublings >= 20) {
            return MAX_LOCK_MILLIS;
        }
        return Math.min(MAX_LOCK_MILLIS, BASE_LOCK_MILLIS << doublings);
    }

    /** The end of the lock (epoch ms), or 0 if the account is not locked at {@code nowMillis}. */
    public static long lockedUntil(int failures, Long lastFailureMillis, long nowMillis) {
        if (lastFailureMillis == null) {
            return 0;
        }
        long until = lastFailureMillis + lockMillis(failures);
        return until > nowMillis ? until : 0;
    }
}
