package io.turnstile.api.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Set;

/**
 * The CSRF rule for requests authenticated by the session cookie (Mist's, i.e. Django's, convention): a
 * state-changing request (any method but GET, HEAD, OPTIONS, TRACE: RFC 9110 §9.2.1 safe methods) must carry the
 * session's CSRF token (the {@code csrftoken} cookie) in the {@code X-CSRFToken} header. A cross-site page can make the
 * browser send the cookie but cannot read it to fill the header. Requests authenticated by an API token need none:
 * browsers never add that header on their own.
 */
public final class CsrfCheck {

    public static final String HEADER = "X-CSRFToken";
    public static final String COOKIE = "csrftoken";
    public static final String FAILED = "CSRF Failed: CSRF token missing or incorrect.";

    static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

    private CsrfCheck() {
    }

    /** Whether a cookie-authenticated request may proceed. */
    public static boolean passes(String method, String sessionToken, String headerToken) {
        if (SAFE_METHODS.contains(method)) {
            return true;
        }
        if (sessionToken == null || headerToken == null || headerToken.isEmpty()) {
            return false;
        }
        // Constant time, so the comparison does not tell how many leading characters were right.
        return MessageDigest.isEqual(sessionToken.getBytes(StandardCharsets.UTF_8),
                headerToken.trim().getBytes(StandardCharsets.UTF_8));
    }
}
