package io.turnstile.api.settings;

import io.turnstile.api.security.RequiresRole;
import io.turnstile.org.ApiRole;
import io.turnstile.org.SettingService;
import io.turnstile.platform.JsonText;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * {@code GET /api/v1/orgs/{org_id}/setting} and {@code PUT} (merges the top-level fields of the body; a field set to
 * null is removed). Turnstile extension, validated on PUT:
 * <pre>
 * "radsec": {"cacerts": ["-----BEGIN CERTIFICATE-----\n...", ...]}
 * </pre>
 * CA certificates (PEM, each must be a CA) that RadSec clients' certificates may chain to, besides the org CA;
 * see {@link io.turnstile.org.OrgSettingDocument}.
 */
@Path("orgs/{org_id}/setting")
@RequestScoped
@RequiresRole(ApiRole.READ)
@Produces(MediaType.APPLICATION_JSON)
public class OrgSettingResource {

    @Inject
    SettingService settings;

    @GET
    public Response get(@PathParam("org_id") String orgId) {
        return json(OrgSettingJson.toMap(settings.get(orgId)));
    }

    @PUT
    @RequiresRole(ApiRole.WRITE)
    @Consumes(MediaType.APPLICATION_JSON)
    public Response update(@PathParam("org_id") String orgId, String body) {
        return json(OrgSettingJson.toMap(settings.update(orgId, JsonText.parseObject(body))));
    }

    private static Response json(Object body) {
        return Response.ok(JsonText.write(body), MediaType.APPLICATION_JSON_TYPE).build();
    }
}
