package io.turnstile.api.security;

import io.turnstile.admin.SessionTicket;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.ext.RuntimeDelegate;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Set-Cookie headers of a session, as Jersey (Payara's JAX-RS) renders them. */
class SessionCookiesTest {

    static final Clock CLOCK = Clock.fixed(Instant.ofEpochSecond(1_700_000_000), ZoneOffset.UTC);
    static final SessionTicket TICKET = new SessionTicket("session-key", "csrf-token", CLOCK.millis() + 3_600_000,
            "a1", "ann@example.com");

    static String header(NewCookie c) {
        return RuntimeDelegate.getInstance().createHeaderDelegate(NewCookie.class).toString(c);
    }

    @Test
    void overHttpsBothCookiesAreSecureAndTheSessionIsHttpOnly() {
        NewCookie[] cookies = SessionCookies.issue(TICKET, true, CLOCK);
        String session = header(cookies[0]);
        String csrf = header(cookies[1]);
        assertTrue(session.startsWith("sessionid=session-key;"), session);
        for (String attribute : new String[]{"Secure", "HttpOnly", "SameSite=Lax", "Max-Age=3600", "Path=/"}) {
            assertTrue(session.contains(attribute), attribute + " in " + session);
        }
        assertTrue(csrf.startsWith("csrftoken=csrf-token;"), csrf);
        assertTrue(csrf.contains("Secure") && csrf.contains("SameSite=Lax") && csrf.contains("Max-Age=3600"), csrf);
        assertFalse(csrf.contains("HttpOnly"), "the console's scripts read the CSRF token: " + csrf);
    }

    @Test
    void overPlainHttpTheyAreNotSecure() {
        assertFalse(header(SessionCookies.issue(TICKET, false, CLOCK)[0]).contains("Secure"));
    }

    @Test
    void logoutExpiresBoth() {
        NewCookie[] cleared = SessionCookies.clear(false);
        assertEquals("", cleared[0].getValue());
        assertTrue(header(cleared[0]).contains("Max-Age=0"), header(cleared[0]));
        assertTrue(header(cleared[1]).contains("Max-Age=0"), header(cleared[1]));
    }
}
