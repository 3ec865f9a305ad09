package io.turnstile.api.security;

import io.turnstile.api.ApiError;
import io.turnstile.org.ApiPrincipal;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.core.Response;

/**
 * The API token the current request acts as, set by {@link TokenAuthFilter}. Resources inject this bean (it is also
 * in the request property {@link TokenAuthFilter#PRINCIPAL_PROPERTY} and the JAX-RS {@code SecurityContext}).
 */
@RequestScoped
public class CurrentPrincipal {

    private ApiPrincipal principal;

    /** @throws jakarta.ws.rs.WebApplicationException 401 if the request was not authenticated */
    public ApiPrincipal get() {
        if (principal == null) {
            throw ApiError.status(Response.Status.UNAUTHORIZED, TokenAuthFilter.NOT_PROVIDED);
        }
        return principal;
    }

    /** Called by {@link TokenAuthFilter} only (public so that the CDI client proxy can forward it). */
    public void set(ApiPrincipal principal) {
        this.principal = principal;
    }
}
