package io.turnstile.api.admin;

import io.turnstile.admin.AdminService;
import io.turnstile.api.security.RequiresRole;
import io.turnstile.org.ApiRole;
import io.turnstile.org.OrganisationService;
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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.Map;

/**
 * Turnstile extension {@code /orgs/{org_id}/admins}: the org's local admins (the contract subset has no admin
 * management). Shape as Mist's admin: {@code {id, email, first_name, last_name, privileges: [{scope: "org", org_id,
 * role}], created_time, modified_time}}; create also takes {@code password} (never returned). The last local admin
 * with the admin role cannot be deleted or demoted (400).
 */
@Path("orgs/{org_id}/admins")
@RequestScoped
@RequiresRole(ApiRole.ADMIN)
@Tag(name = "Orgs Admins", description = "Turnstile extension: local admins of an org")
@Produces(MediaType.APPLICATION_JSON)
public class AdminsResource {

    @Inject
    AdminService admins;

    @Inject
    OrganisationService organisations;

    @GET
    @Operation(operationId = "listOrgAdmins", summary = "Turnstile extension: list the org's admins")
    public Response list(@PathParam("org_id") String orgId) {
        Map<String, String> names = orgNames(orgId);
        return json(admins.list(orgId).stream().map(a -> AdminJson.admin(a, names)).toList());
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createOrgAdmin", summary = "Turnstile extension: create a local admin "
            + "({email, password, first_name, last_name, privileges})")
    public Response create(@PathParam("org_id") String orgId, String body) {
        return json(AdminJson.admin(admins.create(orgId, JsonText.parseObject(body)), orgNames(orgId)));
    }

    @GET
    @Path("{admin_id}")
    @Operation(operationId = "getOrgAdmin", summary = "Turnstile extension: get an admin")
    public Response get(@PathParam("org_id") String orgId, @PathParam("admin_id") String id) {
        return json(AdminJson.admin(admins.get(orgId, id), orgNames(orgId)));
    }

    @PUT
    @Path("{admin_id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "updateOrgAdmin", summary = "Turnstile extension: change the fields the body carries "
            + "(first_name, last_name, password, privileges)")
    public Response update(@PathParam("org_id") String orgId, @PathParam("admin_id") String id, String body) {
        return json(AdminJson.admin(admins.update(orgId, id, JsonText.parseObject(body)), orgNames(orgId)));
    }

    @DELETE
    @Path("{admin_id}")
    @Operation(operationId = "deleteOrgAdmin", summary = "Turnstile extension: remove an admin from the org")
    public Response delete(@PathParam("org_id") String orgId, @PathParam("admin_id") String id) {
        admins.delete(orgId, id);
        return Response.ok().build();
    }

    private Map<String, String> orgNames(String orgId) {
        return organisations.find(orgId).map(o -> Map.of(orgId, o.name())).orElse(Map.of());
    }

    static Response json(Object body) {
        return Response.ok(JsonText.write(body), MediaType.APPLICATION_JSON_TYPE).build();
    }
}
