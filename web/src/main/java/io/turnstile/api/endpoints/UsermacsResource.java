package io.turnstile.api.endpoints;

import io.turnstile.api.security.RequiresRole;
import io.turnstile.org.ApiRole;
import io.turnstile.api.ApiError;
import io.turnstile.endpoints.EndpointPage;
import io.turnstile.endpoints.EndpointQuery;
import io.turnstile.endpoints.EndpointService;
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
import jakarta.ws.rs.core.EntityPart;
import jakarta.ws.rs.core.GenericEntity;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/**
 * The endpoints database, {@code /orgs/{org_id}/usermacs} of the contract ("Orgs User MACs"). Translates and delegates
 * to {@link EndpointService}; authentication and the org access check happen in a request filter before this.
 * Errors: {@link InvalidEndpointMapper} (400, with the import's error lines), the shared
 * {@link io.turnstile.api.security.ServiceErrorMappers} (404 for an unknown id) and {@link JsonParseErrorMapper}.
 */
@Path("/orgs/{org_id}/usermacs")
@RequestScoped
@RequiresRole(ApiRole.READ)
@Produces(MediaType.APPLICATION_JSON)
public class UsermacsResource {

    static final String CSV = "text/csv";

    @Inject
    EndpointService service;

    /** createOrgUserMac. */
    @POST
    @RequiresRole(ApiRole.WRITE)
    @Consumes(MediaType.APPLICATION_JSON)
    public UsermacJson create(@PathParam("org_id") String orgId, UsermacJson body) {
        return UsermacJson.of(service.create(orgId, UsermacJson.fields(body)));
    }

    /** updateOrgMultipleUserMacs: {@code [user_mac with id]} → {@code {"updated": [ids], "errors": [...]}}. */
    @PUT
    @RequiresRole(ApiRole.WRITE)
    @Consumes(MediaType.APPLICATION_JSON)
    public UsermacsUpdateJson updateMany(@PathParam("org_id") String orgId, List<UsermacJson> body) {
        return UsermacsUpdateJson.of(service.updateMany(orgId, UsermacJson.fields(body)));
    }

    /** getOrgUserMac. */
    @GET
    @Path("{usermac_id}")
    public UsermacJson get(@PathParam("org_id") String orgId, @PathParam("usermac_id") String id) {
        return UsermacJson.of(service.get(orgId, id));
    }

    /** updateOrgUserMac: changes the fields the body carries, leaves the others. */
    @PUT
    @RequiresRole(ApiRole.WRITE)
    @Path("{usermac_id}")
    @Consumes(MediaType.APPLICATION_JSON)
    public UsermacJson update(@PathParam("org_id") String orgId, @PathParam("usermac_id") String id,
                              UsermacJson body) {
        return UsermacJson.of(service.update(orgId, id, UsermacJson.fields(body)));
    }

    /** deleteOrgUserMac: 200 without a body. */
    @DELETE
    @RequiresRole(ApiRole.WRITE)
    @Path("{usermac_id}")
    public Response delete(@PathParam("org_id") String orgId, @PathParam("usermac_id") String id) {
        service.delete(orgId, id);
        return Response.ok().build();
    }

    /** deleteOrgMultipleUserMacs: {@code {"usermac_ids": [...]}}, 200 without a body. */
    @POST
    @RequiresRole(ApiRole.WRITE)
    @Path("delete")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response deleteMany(@PathParam("org_id") String orgId, UsermacIdsJson body) {
        service.deleteMany(orgId, body == null ? null : body.usermacIds());
        return Response.ok().build();
    }

    /**
     * searchOrgUserMacs: a JSON array of usermacs (the contract's {@code UserMacsArray}), with the paging in the
     * {@code X-Page-Total}, {@code X-Page-Limit} and {@code X-Page-Page} headers as Mist sends them.
     */
    @GET
    @Path("search")
    public Response search(@PathParam("org_id") String orgId, @QueryParam("mac") String mac,
                           @QueryParam("labels") List<String> labels, @QueryParam("limit") String limit,
                           @QueryParam("page") String page, @QueryParam("sort") String sort) {
        EndpointPage found = service.search(orgId, EndpointQuery.parse(mac, labels, limit, page, sort));
        List<UsermacJson> results = found.results().stream().map(UsermacJson::of).toList();
        return Response.ok(new GenericEntity<>(results) { })
                .header("X-Page-Total", found.total())
                .header("X-Page-Limit", found.limit())
                .header("X-Page-Page", found.page())
                .build();
    }

    /** importOrgUserMacs from a JSON array of usermacs. */
    @POST
    @RequiresRole(ApiRole.WRITE)
    @Path("import")
    @Consumes(MediaType.APPLICATION_JSON)
    public UsermacImportJson importJson(@PathParam("org_id") String orgId, List<UsermacJson> body) {
        return UsermacImportJson.of(service.importList(orgId, UsermacJson.fields(body)));
    }

    /**
     * importOrgUserMacs from a CSV file in the multipart part {@code file} (the contract's {@code binary_stream}). The
     * parts come as a list rather than {@code @FormParam("file") EntityPart}: Jersey 3.1 fails with a 500 on the
     * latter when the part is missing.
     */
    @POST
    @RequiresRole(ApiRole.WRITE)
    @Path("import")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public UsermacImportJson importMultipart(@PathParam("org_id") String orgId, List<EntityPart> parts)
            throws IOException {
        EntityPart file = parts == null ? null
                : parts.stream().filter(p -> "file".equals(p.getName())).findFirst().orElse(null);
        if (file == null) {
            throw ApiError.badRequest("the CSV file must be sent in the multipart/form-data part named 'file'");
        }
        return UsermacImportJson.of(service.importCsv(orgId, file.getContent()));
    }

    /** importOrgUserMacs from a CSV body. */
    @POST
    @RequiresRole(ApiRole.WRITE)
    @Path("import")
    @Consumes({CSV, "application/csv"})
    public UsermacImportJson importCsv(@PathParam("org_id") String orgId, InputStream body) {
        return UsermacImportJson.of(service.importCsv(orgId, body));
    }
}
