package io.turnstile.api.self;

import io.turnstile.admin.AdminService;
import io.turnstile.admin.Caller;
import io.turnstile.api.admin.AdminJson;
import io.turnstile.api.security.Authenticated;
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

import java.util.HashMap;
import java.util.Map;

/**
 * {@code GET /api/v1/self} (contract: getSelf): who the token is, in the contract's {@code admin} shape:
 * {@code {"name": "<token name>", "privileges": [{"scope": "org", "org_id": "...", "org_name": "...", "name": "...",
 * "role": "admin"}]}}; for a signed-in admin, Mist's admin shape ({@code email}, {@code first_name}, {@code last_name},
 * {@code privileges}).
 */
@Path("self")
@RequestScoped
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class SelfResource {

    @Inject
    CurrentPrincipal current;

    @Inject
    OrganisationService organisations;

    @Inject
    AdminService admins;

    @GET
    public Response get() {
        Caller caller = current.caller();
        if (caller.kind() == Caller.Kind.ADMIN) {
            Map<String, String> names = new HashMap<>();
            caller.roles().keySet().forEach(org -> organisations.find(org).ifPresent(o -> names.put(org, o.name())));
            Map<String, Object> admin = AdminJson.admin(admins.find(caller.id()), names);
            admin.remove("id");
            admin.remove("sso_id");
            return Response.ok(JsonText.write(admin), MediaType.APPLICATION_JSON_TYPE).build();
        }
        ApiPrincipal token = current.get();
        return Response.ok(JsonText.write(SelfJson.of(token, organisations.find(token.orgId()).orElse(null))),
                MediaType.APPLICATION_JSON_TYPE).build();
    }
}
