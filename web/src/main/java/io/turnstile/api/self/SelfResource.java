package io.turnstile.api.self;

import io.turnstile.api.security.CurrentPrincipal;
import io.turnstile.org.ApiPrincipal;
import io.turnstile.org.OrganisationService;
import io.turnstile.platform.JsonText;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * {@code GET /api/v1/self} (contract: getSelf): who the token is, in the contract's {@code admin} shape:
 * {@code {"name": "<token name>", "privileges": [{"scope": "org", "org_id": "...", "org_name": "...", "name": "...",
 * "role": "admin"}]}}.
 */
@Path("self")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class SelfResource {

    @Inject
    CurrentPrincipal current;

    @Inject
    OrganisationService organisations;

    @GET
    public Response get() {
        ApiPrincipal token = current.get();
        return Response.ok(JsonText.write(SelfJson.of(token, organisations.find(token.orgId()).orElse(null))),
                MediaType.APPLICATION_JSON_TYPE).build();
    }
}
