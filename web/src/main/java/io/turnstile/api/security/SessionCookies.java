package io.turnstile.api.security;

import io.turnstile.admin.SessionTicket;
import jakarta.ws.rs.core.NewCookie;

import java.time.Clock;
import java.util.Date;

/**
 * The cookies of a login session: {@value #SESSION} (the session key; HttpOnly, so scripts cannot read it) and
 * {@link CsrfCheck#COOKIE} (readable by the console's scripts, which send it back in {@link CsrfCheck#HEADER}). Both
 * are {@code SameSite=Lax} (RFC 6265bis §5.4.7: not sent on cross-site subrequests and POSTs, still sent when a user
 * follows a link to the console, as Django's default), {@code Secure} when the
 * request came over HTTPS, {@code Path=/}, and expire with the session ({@code Max-Age}).
 */
public final class SessionCookies {

    public static final String SESSION = "sessionid";

    private SessionCookies() {
    }

    public static NewCookie[] issue(SessionTicket ticket, boolean secure, Clock clock) {
        int maxAge = (int) Math.max(0, Math.min(Integer.MAX_VALUE, (ticket.expiresMillis() - clock.millis()) / 1000));
        Date expiry = new Date(ticket.expiresMillis());
        return new NewCookie[]{
                cookie(SESSION, ticket.key(), maxAge, expiry, secure, true),
                cookie(CsrfCheck.COOKIE, ticket.csrfToken(), maxAge, expiry, secure, false)};
    }

    /** Cookies that make the browser forget the session. */
    public static NewCookie[] clear(boolean secure) {
        Date past = new Date(0);
        return new NewCookie[]{cookie(SESSION, "", 0, past, secure, true),
                cookie(CsrfCheck.COOKIE, "", 0, past, secure, false)};
    }

    private static NewCookie cookie(String name, String value, int maxAge, Date expiry, boolean secure,
                                    boolean httpOnly) {
        return new NewCookie.Builder(name).value(value).path("/").maxAge(maxAge).expiry(expiry).secure(secure)
                .httpOnly(httpOnly).sameSite(NewCookie.SameSite.LAX).build();
    }
}
