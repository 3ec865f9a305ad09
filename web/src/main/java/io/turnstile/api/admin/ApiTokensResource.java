package io.turnstile.api.admin;

import io.turnstile.api.security.RequiresRole;
import io.turnstile.org.ApiRole;
import io.turnstile.org.CreatedToken;
import io.turnstile.org.TokenService;
import io.turnstile.platform.JsonText;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.Map;

/**
 * {@code /orgs/{org_id}/apitokens} (contract: Orgs API Tokens). The {@code key} is in the creation response only;
 * Turnstile keeps its SHA-256. {@code src_ips} is enforced by the authentication filter.
 */
@Path("orgs/{org_id}/apitokens")
@RequestScoped
@RequiresRole(ApiRole.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
public class ApiTokensResource {

    @Inject
    TokenService tokens;

    /** listOrgApiTokens. */
    @GET
    public Response list(@PathParam("org_id") String orgId) {
        return AdminsResource.json(tokens.list(orgId).stream().map(AdminJson::token).toList());
    }

    /** createOrgApiToken: the response carries the key, the only time it is shown. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(@PathParam("org_id") String orgId, String body) {
        CreatedToken created = tokens.create(orgId, JsonText.parseObject(body));
        Map<String, Object> out = AdminJson.token(created.token());
        out.put("key", created.key());
        return AdminsResource.json(out);
    }

    /** getOrgApiToken. */
    @GET
    @Path("{apitoken_id}")
    public Response get(@PathParam("org_id") String orgId, @PathParam("apitoken_id") String id) {
        return AdminsResource.json(AdminJson.token(tokens.get(orgId, id)));
    }

    /** updateOrgApiToken: name and privileges. */
    @PUT
    @Path("{apitoken_id}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response update(@PathParam("org_id") String orgId, @PathParam("apitoken_id") String id, String body) {
        return AdminsResource.json(AdminJson.token(tokens.update(orgId, id, JsonText.parseObject(body))));
    }

    /** deleteOrgApiToken. */
    @DELETE
    @Path("{apitoken_id}")
    public Response delete(@PathParam("org_id") String orgId, @PathParam("apitoken_id") String id) {
        tokens.delete(orgId, id);
        return Response.ok().build();
    }
}
