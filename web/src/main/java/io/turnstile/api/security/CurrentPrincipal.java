package io.turnstile.api.security;

import io.turnstile.admin.Caller;
import io.turnstile.api.ApiError;
import io.turnstile.org.ApiPrincipal;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.core.Response;

/**
 * Who the current request acts as, set by {@link TokenAuthFilter}. {@link #caller()} is the full view (admin or
 * token, roles per org); {@link #get()} the org-scoped view resources written for tokens use: for an admin it carries
 * the admin's id, email and role in the org of the path (or its first org).
 */
@RequestScoped
public class CurrentPrincipal {

    private ApiPrincipal principal;
    private Caller caller;

    /** @throws jakarta.ws.rs.WebApplicationException 401 if the request was not authenticated */
    public ApiPrincipal get() {
        if (principal == null) {
            throw ApiError.status(Response.Status.UNAUTHORIZED, TokenAuthFilter.NOT_PROVIDED);
        }
        return principal;
    }

    /** @throws jakarta.ws.rs.WebApplicationException 401 if the request was not authenticated */
    public Caller caller() {
        if (caller == null) {
            throw ApiError.status(Response.Status.UNAUTHORIZED, TokenAuthFilter.NOT_PROVIDED);
        }
        return caller;
    }

    /** Called by {@link TokenAuthFilter} only (public so that the CDI client proxy can forward it). */
    public void set(Caller caller, ApiPrincipal principal) {
        this.caller = caller;
        this.principal = principal;
    }
}
