package io.turnstile.api.security;

import io.turnstile.admin.AdminService;
import io.turnstile.admin.Caller;
import io.turnstile.admin.CurrentCaller;
import io.turnstile.admin.SignedIn;
import io.turnstile.api.ApiError;
import io.turnstile.org.ApiPrincipal;
import io.turnstile.org.TokenService;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.ext.Provider;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.security.Principal;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * The one place where REST API requests ({@code /api/v1/**}) are authenticated and authorized:
 * <ol>
 *   <li>what the matched operation declares ({@link DeclaredAccess}: {@link RequiresRole}, {@link Authenticated},
 *       {@link jakarta.annotation.security.PermitAll}; nothing = refused);</li>
 *   <li>who calls: {@code Authorization: Token <key>} (an org API token, refused with 403 from outside its
 *       {@code src_ips}), else the {@value SessionCookies#SESSION} cookie of a login session;</li>
 *   <li>for a session, a state-changing request must carry the CSRF token ({@link CsrfCheck});</li>
 *   <li>{@link AccessPolicy}: the caller's role in the path's org against the declared least role.</li>
 * </ol>
 * Refusals use the contract's bodies: 401 {@code {"detail": "Authentication credentials were not provided."}} (or
 * {@code "Invalid token."}), 403 {@code {"detail": "You do not have permission to perform this action."}}.
 *
 * <p>A post-matching filter: a path no resource serves answers 404 before authentication.
 */
@Provider
@Priority(Priorities.AUTHENTICATION)
@ApplicationScoped
public class TokenAuthFilter implements ContainerRequestFilter {

    private static final Logger LOG = Logger.getLogger(TokenAuthFilter.class.getName());

    public static final String PRINCIPAL_PROPERTY = "io.turnstile.api.principal";
    public static final String NOT_PROVIDED = "Authentication credentials were not provided.";
    public static final String INVALID = "Invalid token.";
    public static final String SOURCE_REFUSED = "This API token may not be used from this address.";

    @Inject
    TokenService tokens;

    @Inject
    AdminService admins;

    @Inject
    CurrentPrincipal current;

    @Inject
    CurrentCaller currentCaller;

    @Context
    ResourceInfo resource;

    @Context
    HttpServletRequest servletRequest;

    @Override
    public void filter(ContainerRequestContext request) {
        DeclaredAccess declared = DeclaredAccess.of(resource.getResourceMethod(), resource.getResourceClass());
        if (declared.kind() == DeclaredAccess.Kind.PUBLIC) {
            return;
        }
        if (declared.kind() == DeclaredAccess.Kind.UNDECLARED) {
            LOG.warning(() -> "refused " + request.getMethod() + " " + request.getUriInfo().getPath()
                    + ": the operation declares no role (@RequiresRole)");
        }
        Caller caller;
        String authorization = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        Cookie sessionCookie = request.getCookies().get(SessionCookies.SESSION);
        if (authorization != null) {
            Optional<String> key = AuthorizationHeader.tokenKey(authorization);
            if (key.isEmpty()) {
                request.abortWith(unauthorized(NOT_PROVIDED));
                return;
            }
            Optional<ApiPrincipal> token = tokens.authenticate(key.get());
            if (token.isEmpty()) {
                request.abortWith(unauthorized(INVALID));
                return;
            }
            if (!token.get().allowsSource(remoteAddress())) {
                request.abortWith(refusal(403, SOURCE_REFUSED));
                return;
            }
            caller = Caller.of(token.get());
        } else if (sessionCookie != null && !sessionCookie.getValue().isEmpty()) {
            Optional<SignedIn> session = admins.session(sessionCookie.getValue());
            if (session.isEmpty()) {
                request.abortWith(unauthorized(NOT_PROVIDED));
                return;
            }
            if (!CsrfCheck.passes(request.getMethod(), session.get().csrfToken(),
                    request.getHeaderString(CsrfCheck.HEADER))) {
                request.abortWith(refusal(403, CsrfCheck.FAILED));
                return;
            }
            caller = session.get().caller();
        } else {
            request.abortWith(unauthorized(NOT_PROVIDED));
            return;
        }
        String orgId = request.getUriInfo().getPathParameters().getFirst("org_id");
        Optional<AccessPolicy.Denial> denial = AccessPolicy.check(caller, declared, orgId);
        if (denial.isPresent()) {
            request.abortWith(refusal(denial.get().status(), denial.get().detail()));
            return;
        }
        ApiPrincipal principal = caller.token() != null ? caller.token() : orgView(caller, orgId);
        current.set(caller, principal);
        currentCaller.set(caller);
        request.setProperty(PRINCIPAL_PROPERTY, principal);
        boolean secure = request.getSecurityContext() != null && request.getSecurityContext().isSecure();
        request.setSecurityContext(new CallerSecurityContext(caller, principal, secure,
                caller.token() != null ? AuthorizationHeader.SCHEME : "Session"));
    }

    /** An admin as the org-scoped principal: its role in the path's org, or its first org. */
    private static ApiPrincipal orgView(Caller caller, String orgId) {
        String org = orgId != null && caller.roles().containsKey(orgId) ? orgId
                : caller.roles().keySet().stream().sorted().findFirst().orElse(null);
        return org == null ? null : new ApiPrincipal(caller.id(), org, caller.roles().get(org), caller.name());
    }

    private byte[] remoteAddress() {
        try {
            String addr = servletRequest.getRemoteAddr();
            return addr == null ? null : InetAddress.getByName(addr).getAddress(); // a literal: no DNS lookup
        } catch (UnknownHostException | RuntimeException e) {
            return null;
        }
    }

    private static Response refusal(int status, String detail) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(new ApiError(detail)).build();
    }

    private static Response unauthorized(String detail) {
        return Response.status(Response.Status.UNAUTHORIZED).header(HttpHeaders.WWW_AUTHENTICATE,
                AuthorizationHeader.SCHEME).type(MediaType.APPLICATION_JSON_TYPE).entity(new ApiError(detail)).build();
    }

    /** The caller as the JAX-RS security context: principal name is its id, roles are its roles' names. */
    record CallerSecurityContext(Caller caller, ApiPrincipal principal, boolean secure, String scheme)
            implements SecurityContext {

        @Override
        public Principal getUserPrincipal() {
            return caller::id;
        }

        @Override
        public boolean isUserInRole(String role) {
            return caller.roles().values().stream().anyMatch(r -> r.wire().equals(role));
        }

        @Override
        public boolean isSecure() {
            return secure;
        }

        @Override
        public String getAuthenticationScheme() {
            return scheme;
        }
    }
}
