package io.turnstile.api.admin;

import io.turnstile.admin.AdminService;
import io.turnstile.admin.LoginThrottle;
import io.turnstile.admin.SessionTicket;
import io.turnstile.admin.SsoLoginUrls;
import io.turnstile.api.ApiError;
import io.turnstile.api.security.SessionCookies;
import io.turnstile.platform.JsonText;
import jakarta.annotation.security.PermitAll;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * {@code POST /login} (contract: login) and {@code POST /login/lookup} (lookup). A successful login sets a new
 * session cookie and CSRF cookie ({@link SessionCookies}); the session the request carried, if any, is closed
 * (rotation: a session id planted before login is worthless after it).
 */
@Path("login")
@RequestScoped
@PermitAll
@Produces(MediaType.APPLICATION_JSON)
public class LoginResource {

    @Inject
    AdminService admins;

    @Inject
    Instance<SsoLoginUrls> ssoUrls;

    @Inject
    LoginThrottle throttle;

    @Inject
    Clock clock;

    @Context
    HttpServletRequest servletRequest;

    /**
     * login: {@code {email, password}} → 200 {@code {"email": ...}} with the cookies, or 400 {@code {"detail"}}; 429
     * with {@code Retry-After} past the rate limit per source address and per email (checked before hashing).
     */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @APIResponse(responseCode = "200", description = "Signed in: {\"email\": ...} with the sessionid and csrftoken "
            + "cookies")
    @APIResponse(responseCode = "400", description = "Refused: {\"detail\": ...} (wrong email or password, locked, "
            + "SSO account)")
    @APIResponse(responseCode = "429", description = "Turnstile extension: too many login attempts from this address "
            + "or for this email (token bucket, default 10 a minute with a burst of 5 each; MicroProfile Config "
            + "turnstile.admin.login.ip-per-minute, ip-burst, email-per-minute, email-burst). Retry-After gives the "
            + "seconds to wait; the body is {\"detail\": \"...\"}. Checked before the password is hashed.")
    public Response login(String body, @CookieParam(SessionCookies.SESSION) String previousSession) {
        Map<String, Object> b = JsonText.parseObject(body);
        String email = b.get("email") instanceof String s ? s : null;
        String password = b.get("password") instanceof String s ? s : null;
        if (email == null || password == null) {
            throw ApiError.badRequest("email and password are required");
        }
        throttle.admit(servletRequest.getRemoteAddr(), email);
        SessionTicket ticket = admins.login(email, password, previousSession);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("email", ticket.email());
        out.put("two_factor_required", false);
        out.put("two_factor_passed", false);
        return Response.ok(JsonText.write(out), MediaType.APPLICATION_JSON_TYPE)
                .cookie(SessionCookies.issue(ticket, servletRequest.isSecure(), clock)).build();
    }

    /**
     * lookup: {@code {email}} → 200 {@code {"sso_url": ...}} where an SSO covers the email, 200 {@code {}} for a local
     * admin, 404 if no admin has the email (as the contract says).
     */
    @POST
    @Path("lookup")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response lookup(String body) {
        Map<String, Object> b = JsonText.parseObject(body);
        if (!(b.get("email") instanceof String email) || email.isBlank()) {
            throw ApiError.badRequest("email is required");
        }
        Optional<String> url = ssoUrls.isResolvable() ? ssoUrls.get().ssoUrlFor(email) : Optional.empty();
        if (url.isEmpty() && admins.lookup(email).isEmpty()) {
            throw ApiError.notFound("User does not exist");
        }
        Map<String, Object> out = new LinkedHashMap<>();
        url.ifPresent(u -> out.put("sso_url", u));
        return Response.ok(JsonText.write(out), MediaType.APPLICATION_JSON_TYPE).build();
    }
}
