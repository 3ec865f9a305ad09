package io.turnstile.api.admin;

import io.turnstile.admin.SsoRoleService;
import io.turnstile.api.security.RequiresRole;
import io.turnstile.org.ApiRole;
import io.turnstile.platform.JsonText;
import io.turnstile.platform.Paging;
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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** {@code /orgs/{org_id}/ssoroles} (contract: Orgs SSO Roles): role names an IdP sends, mapped to privileges. */
@Path("orgs/{org_id}/ssoroles")
@RequestScoped
@RequiresRole(ApiRole.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
public class SsoRolesResource {

    @Inject
    SsoRoleService roles;

    /** listOrgSsoRoles. */
    @GET
    public Response list(@PathParam("org_id") String orgId, @QueryParam("limit") String limit,
                         @QueryParam("page") String page) {
        return AdminsResource.json(roles.list(orgId, Paging.limit(limit), Paging.page(page)).stream()
                .map(AdminJson::ssoRole).toList());
    }

    /** createOrgSsoRole. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(@PathParam("org_id") String orgId, String body) {
        return AdminsResource.json(AdminJson.ssoRole(roles.create(orgId, JsonText.parseObject(body))));
    }

    /** getOrgSsoRole. */
    @GET
    @Path("{ssorole_id}")
    public Response get(@PathParam("org_id") String orgId, @PathParam("ssorole_id") String id) {
        return AdminsResource.json(AdminJson.ssoRole(roles.get(orgId, id)));
    }

    /** updateOrgSsoRole: changes the fields the body carries. */
    @PUT
    @Path("{ssorole_id}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response update(@PathParam("org_id") String orgId, @PathParam("ssorole_id") String id, String body) {
        return AdminsResource.json(AdminJson.ssoRole(roles.update(orgId, id, JsonText.parseObject(body))));
    }

    /** deleteOrgSsoRole. */
    @DELETE
    @Path("{ssorole_id}")
    public Response delete(@PathParam("org_id") String orgId, @PathParam("ssorole_id") String id) {
        roles.delete(orgId, id);
        return Response.ok().build();
    }
}
