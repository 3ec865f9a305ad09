package io.turnstile.console.access;

import io.turnstile.admin.AdminService;
import io.turnstile.admin.CurrentCaller;
import io.turnstile.admin.SignedIn;
import io.turnstile.api.security.SessionCookies;
import io.turnstile.org.OrganisationService;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.util.Arrays;
import java.util.Optional;

/**
 * Resolves the {@code sessionid} cookie (the REST API's session, {@link AdminService#session}) for console pages: a
 * signed-in admin gets {@link ConsoleSession} and {@link CurrentCaller} (so the audit trail names them); anyone else is
 * sent to the login page. Pages are not cached, so Back after logout does not show data.
 */
@WebFilter("/console/*")
public class ConsoleSessionFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    static final String LOGIN = "/console/login.xhtml";
    static final String HOME = "/console/dashboard.xhtml";

    @Inject
    AdminService admins;

    @Inject
    OrganisationService orgs;

    @Inject
    ConsoleSession session;

    @Inject
    CurrentCaller currentCaller;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (path.equals("/console") || path.equals("/console/")) {
            response.sendRedirect(request.getContextPath() + HOME);
            return;
        }
        Optional<SignedIn> signedIn = sessionKey(request).flatMap(admins::session);
        if (signedIn.isPresent()) {
            String org = signedIn.get().caller().roles().keySet().stream().sorted().findFirst().orElse(null);
            session.set(signedIn.get(), org == null ? null : orgs.find(org).orElse(null));
            currentCaller.set(signedIn.get().caller());
        }
        response.setHeader("Cache-Control", "no-store");
        if (signedIn.isEmpty() && !path.equals(LOGIN)) {
            response.sendRedirect(request.getContextPath() + LOGIN);
            return;
        }
        chain.doFilter(request, response);
    }

    static Optional<String> sessionKey(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        return cookies == null ? Optional.empty() : Arrays.stream(cookies)
                .filter(c -> SessionCookies.SESSION.equals(c.getName()) && !c.getValue().isEmpty())
                .map(Cookie::getValue).findFirst();
    }
}
