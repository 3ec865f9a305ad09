package io.turnstile.admin;

/**
 * A session just opened: the key for the {@code sessionid} cookie (only its SHA-256 is stored), the CSRF token for
 * the {@code csrftoken} cookie, and the absolute expiry (epoch milliseconds). {@code toString} hides both secrets.
 */
public record SessionTicket(String key, String csrfToken, long expiresMillis, String adminId, String email) {

    @Override
    public String toString() {
        return "SessionTicket[admin=" + adminId + ", expires=" + expiresMillis + ", key=<redacted>]";
    }
}
