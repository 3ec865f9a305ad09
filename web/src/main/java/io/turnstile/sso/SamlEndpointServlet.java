package io.turnstile.sso;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Arrays;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.turnstile.api.security.SessionCookies;
import jakarta.inject.Inject;
import jakarta.servlet.http.Cookie;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.ext.RuntimeDelegate;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The SAML SP's browser endpoints, public (no API token): {@code /api/v1/saml/{domain}/login} and
 * {@code /api/v1/saml/{domain}/logout}. A servlet rather than a JAX-RS resource so the API's token filter does not
 * apply; the more specific mapping wins over the REST API's {@code /api/v1/*} (Servlet 6 §12.1).
 * <ul>
 * <li>{@code POST .../login}: the ACS (HTTP-POST binding, SAML bindings §3.5): the posted {@code SAMLResponse} is
 * validated; success sets the session cookies of {@code POST /login} and redirects (303) to the console, failure shows a page naming the reason (403, or 404
 * for an unknown domain) with a link to start again, never an automatic redirect (so no loop);</li>
 * <li>{@code GET .../login}: SP-initiated login, redirects to the IdP with an AuthnRequest (HTTP-Redirect binding);</li>
 * <li>{@code GET|POST .../logout}: ends the admin session, clears its cookies and ends at the SSO's {@code custom_logout_url}, or the console root.</li>
 * </ul>
 * Translates and delegates to {@link SsoLoginService}.
 */
@WebServlet(urlPatterns = "/api/v1/saml/*")
public class SamlEndpointServlet extends HttpServlet {

    private static final Pattern PATH = Pattern.compile("/([A-Za-z0-9_-]{1,64})/(login|logout)/?");

    @Inject
    SsoLoginService service;

    @Inject
    PublicBaseUrl baseUrl;

    @Inject
    Clock clock;

    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        Matcher m = PATH.matcher(String.valueOf(req.getPathInfo()));
        if (!m.matches()) {
            resp.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        if (m.group(2).equals("logout")) {
            logout(m.group(1), req, resp);
            return;
        }
        SsoLoginService.AcsResult result = service.acs(m.group(1), base(req), req.getParameter("SAMLResponse"),
                sessionCookie(req));
        if (result instanceof SsoLoginService.AcsResult.Proceed p) {
            // The same cookies as POST /login; the session the browser carried (if any) was closed (rotation).
            if (p.session() != null) {
                setCookies(resp, SessionCookies.issue(p.session(), req.isSecure(), clock));
            }
            resp.setHeader("Cache-Control", "no-store");
            resp.setStatus(HttpServletResponse.SC_SEE_OTHER);
            resp.setHeader("Location", p.location().toString());
            return;
        }
        SsoLoginService.AcsResult.Refused r = (SsoLoginService.AcsResult.Refused) result;
        failurePage(resp, r.unknownSso() ? HttpServletResponse.SC_NOT_FOUND : HttpServletResponse.SC_FORBIDDEN,
                r.failure(), r.unknownSso() ? null : req.getRequestURI());
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        Matcher m = PATH.matcher(String.valueOf(req.getPathInfo()));
        if (!m.matches()) {
            resp.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        if (m.group(2).equals("logout")) {
            logout(m.group(1), req, resp);
            return;
        }
        String relay = req.getParameter("RelayState");
        Optional<String> idp = service.startLogin(m.group(1), base(req),
                relay != null && relay.startsWith("/") && !relay.startsWith("//") && relay.length() <= 80 ? relay : null);
        if (idp.isEmpty()) {
            failurePage(resp, HttpServletResponse.SC_NOT_FOUND,
                    new SamlLoginFailure(SamlLoginFailure.Reason.UNKNOWN_SSO, null, null), null);
            return;
        }
        resp.setHeader("Cache-Control", "no-store");
        resp.sendRedirect(idp.get());
    }

    private void logout(String domain, HttpServletRequest req, HttpServletResponse resp) throws IOException {
        service.endSession(sessionCookie(req));
        setCookies(resp, SessionCookies.clear(req.isSecure()));
        Optional<URI> target = service.logoutTarget(domain);
        resp.setStatus(HttpServletResponse.SC_SEE_OTHER);
        resp.setHeader("Location", target.orElse(URI.create("/")).toString());
    }

    private static String sessionCookie(HttpServletRequest req) {
        Cookie[] cookies = req.getCookies();
        if (cookies == null) {
            return null;
        }
        return Arrays.stream(cookies).filter(c -> SessionCookies.SESSION.equals(c.getName())).map(Cookie::getValue)
                .findFirst().orElse(null);
    }

    /** Written by JAX-RS's own cookie header delegate, so both login paths send byte-identical cookies. */
    private static void setCookies(HttpServletResponse resp, NewCookie[] cookies) {
        RuntimeDelegate.HeaderDelegate<NewCookie> header = RuntimeDelegate.getInstance()
                .createHeaderDelegate(NewCookie.class);
        for (NewCookie c : cookies) {
            resp.addHeader("Set-Cookie", header.toString(c));
        }
    }

    private String base(HttpServletRequest req) {
        return baseUrl.resolve(req.getScheme(), req.getServerName(), req.getServerPort());
    }

    /** A plain page naming the reason; a GET of the same URL starts a new SP-initiated login. */
    static void failurePage(HttpServletResponse resp, int status, SamlLoginFailure failure, String retry) throws IOException {
        resp.setStatus(status);
        resp.setContentType("text/html;charset=UTF-8");
        resp.setHeader("Cache-Control", "no-store");
        resp.setHeader("Content-Security-Policy", "default-src 'none'");
        String html = "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Sign-in refused</title></head>"
                + "<body><h1>Sign-in refused</h1><p id=\"reason\" data-reason=\"" + failure.reason().name() + "\">"
                + escape(failure.reason().message()) + ".</p>"
                + (failure.reason() == SamlLoginFailure.Reason.UNKNOWN_SSO ? ""
                    : "<p>The attempt was recorded for your administrator (SSO failures).</p>")
                + (retry == null ? "" : "<p><a href=\"" + escape(retry) + "\">Sign in again</a></p>")
                + "</body></html>";
        resp.getOutputStream().write(html.getBytes(StandardCharsets.UTF_8));
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;").replace("'", "&#39;");
    }
}
