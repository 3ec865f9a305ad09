package io.turnstile.api.clusters;

import io.turnstile.api.security.RequiresRole;
import io.turnstile.org.ApiRole;
import io.turnstile.nas.MxClusterPage;
import io.turnstile.nas.MxClusterService;
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

/**
 * The contract's mxclusters, whose {@code mist_nac.client_ips} are Turnstile's RADIUS clients:
 * <ul>
 *   <li>{@code GET /api/v1/orgs/{org_id}/mxclusters?limit=&page=}: a JSON array (headers {@code X-Page-Limit},
 *       {@code X-Page-Page}, {@code X-Page-Total});</li>
 *   <li>{@code POST /api/v1/orgs/{org_id}/mxclusters}: create, answers the stored cluster;</li>
 *   <li>{@code GET|PUT|DELETE /api/v1/orgs/{org_id}/mxclusters/{mxcluster_id}}; PUT merges top-level fields.</li>
 * </ul>
 * Validation and the Turnstile differences (vendors {@code hpe}/{@code arista}, {@code require_message_authenticator}
 * default true) are described in {@link io.turnstile.nas.MxClusterValidator}.
 */
@Path("orgs/{org_id}/mxclusters")
@RequestScoped
@RequiresRole(ApiRole.READ)
@Produces(MediaType.APPLICATION_JSON)
public class MxClustersResource {

    @Inject
    MxClusterService clusters;

    @GET
    public Response list(@PathParam("org_id") String orgId, @QueryParam("limit") String limit,
                         @QueryParam("page") String page) {
        MxClusterPage p = clusters.list(orgId, Paging.limit(limit), Paging.page(page));
        return Response.ok(JsonText.write(p.clusters().stream().map(MxClusterJson::toMap).toList()),
                        MediaType.APPLICATION_JSON_TYPE)
                .header("X-Page-Limit", p.limit())
                .header("X-Page-Page", p.page())
                .header("X-Page-Total", p.total())
                .build();
    }

    @POST
    @RequiresRole(ApiRole.WRITE)
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(@PathParam("org_id") String orgId, String body) {
        return json(MxClusterJson.toMap(clusters.create(orgId, JsonText.parseObject(body))));
    }

    @GET
    @Path("{mxcluster_id}")
    public Response get(@PathParam("org_id") String orgId, @PathParam("mxcluster_id") String id) {
        return json(MxClusterJson.toMap(clusters.get(orgId, id)));
    }

    @PUT
    @RequiresRole(ApiRole.WRITE)
    @Path("{mxcluster_id}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response update(@PathParam("org_id") String orgId, @PathParam("mxcluster_id") String id, String body) {
        return json(MxClusterJson.toMap(clusters.update(orgId, id, JsonText.parseObject(body))));
    }

    @DELETE
    @RequiresRole(ApiRole.WRITE)
    @Path("{mxcluster_id}")
    public Response delete(@PathParam("org_id") String orgId, @PathParam("mxcluster_id") String id) {
        clusters.delete(orgId, id);
        return Response.ok().build();
    }

    private static Response json(Object body) {
        return Response.ok(JsonText.write(body), MediaType.APPLICATION_JSON_TYPE).build();
    }
}
