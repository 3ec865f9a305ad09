package io.turnstile.api.security;

import io.turnstile.api.ApiError;
import io.turnstile.org.ApiPrincipal;
import io.turnstile.org.TokenService;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.ext.Provider;

import java.security.Principal;
import java.util.Optional;

/**
 * Authenticates every request of the REST API ({@code /api/v1/**}) by its {@code Authorization: Token <key>} header
 * (an org API token) and applies {@link AccessPolicy}. Refusals use the contract's bodies: 401
 * {@code {"detail": "Authentication credentials were not provided."}} (or {@code "Invalid token."}), 403
 * {@code {"detail": "You do not have permission to perform this action."}}.
 *
 * <p>A post-matching filter: a path no resource serves answers 404 before authentication.
 */
@Provider
@Priority(Priorities.AUTHENTICATION)
@ApplicationScoped
public class TokenAuthFilter implements ContainerRequestFilter {

    public static final String PRINCIPAL_PROPERTY = "io.turnstile.api.principal";
    public static final String NOT_PROVIDED = "Authentication credentials were not provided.";
    public static final String INVALID = "Invalid token.";

    @Inject
    TokenService tokens;

    @Inject
    CurrentPrincipal current;

    @Override
    public void filter(ContainerRequestContext request) {
        Optional<String> key = AuthorizationHeader.tokenKey(request.getHeaderString(HttpHeaders.AUTHORIZATION));
        if (key.isEmpty()) {
            request.abortWith(unauthorized(NOT_PROVIDED));
            return;
        }
        Optional<ApiPrincipal> principal = tokens.authenticate(key.get());
        if (principal.isEmpty()) {
            request.abortWith(unauthorized(INVALID));
            return;
        }
        ApiPrincipal p = principal.get();
        Optional<AccessPolicy.Denial> denial = AccessPolicy.check(p, request.getMethod(),
                request.getUriInfo().getPath());
        if (denial.isPresent()) {
            request.abortWith(Response.status(denial.get().status()).type(MediaType.APPLICATION_JSON_TYPE)
                    .entity(new ApiError(denial.get().detail())).build());
            return;
        }
        current.set(p);
        request.setProperty(PRINCIPAL_PROPERTY, p);
        boolean secure = request.getSecurityContext() != null && request.getSecurityContext().isSecure();
        request.setSecurityContext(new TokenSecurityContext(p, secure));
    }

    private static Response unauthorized(String detail) {
        return Response.status(Response.Status.UNAUTHORIZED).header(HttpHeaders.WWW_AUTHENTICATE,
                AuthorizationHeader.SCHEME).type(MediaType.APPLICATION_JSON_TYPE).entity(new ApiError(detail)).build();
    }

    /** The token as the JAX-RS security context: principal name is the token id, roles are the token's role. */
    record TokenSecurityContext(ApiPrincipal token, boolean secure) implements SecurityContext {

        @Override
        public Principal getUserPrincipal() {
            return token::tokenId;
        }

        @Override
        public boolean isUserInRole(String role) {
            return token.role().wire().equals(role);
        }

        @Override
        public boolean isSecure() {
            return secure;
        }

        @Override
        public String getAuthenticationScheme() {
            return AuthorizationHeader.SCHEME;
        }
    }
}
