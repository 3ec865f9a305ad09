package io.turnstile.api.policy;

import io.turnstile.api.security.RequiresRole;
import io.turnstile.org.ApiRole;
import io.turnstile.platform.JsonText;
import io.turnstile.platform.Paging;
import io.turnstile.policy.NacPolicyService;
import io.turnstile.policy.NacTag;
import io.turnstile.policy.PolicyDocuments;
import io.turnstile.policy.PolicyPage;
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
 * The contract's labels, {@code /orgs/{org_id}/nactags} ("Orgs NAC Tags"): list (filters {@code type}, {@code name},
 * {@code match}; paging headers as for mxclusters), create, get, update (top-level fields merge), delete (400 while a
 * rule uses the label). Validation: {@link PolicyDocuments}; a change applies to the next request.
 */
@Path("orgs/{org_id}/nactags")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class NacTagsResource {

    @Inject
    NacPolicyService policy;

    /** listOrgNacTags. least role: read */
    @RequiresRole(ApiRole.READ)
    @GET
    public Response list(@PathParam("org_id") String orgId, @QueryParam("type") String type,
                         @QueryParam("name") String name, @QueryParam("match") String match,
                         @QueryParam("limit") String limit, @QueryParam("page") String page) {
        PolicyPage<NacTag> p = policy.listTags(orgId, type, name, match, Paging.limit(limit), Paging.page(page));
        return Response.ok(JsonText.write(p.results().stream().map(PolicyDocuments::tagToMap).toList()),
                        MediaType.APPLICATION_JSON_TYPE)
                .header("X-Page-Limit", p.limit())
                .header("X-Page-Page", p.page())
                .header("X-Page-Total", p.total())
                .build();
    }

    /** createOrgNacTag. least role: write */
    @RequiresRole(ApiRole.WRITE)
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(@PathParam("org_id") String orgId, String body) {
        return json(PolicyDocuments.tagToMap(policy.createTag(orgId, JsonText.parseObject(body))));
    }

    /** getOrgNacTag. least role: read */
    @RequiresRole(ApiRole.READ)
    @GET
    @Path("{nactag_id}")
    public Response get(@PathParam("org_id") String orgId, @PathParam("nactag_id") String id) {
        return json(PolicyDocuments.tagToMap(policy.getTag(orgId, id)));
    }

    /** updateOrgNacTag. least role: write */
    @RequiresRole(ApiRole.WRITE)
    @PUT
    @Path("{nactag_id}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response update(@PathParam("org_id") String orgId, @PathParam("nactag_id") String id, String body) {
        return json(PolicyDocuments.tagToMap(policy.updateTag(orgId, id, JsonText.parseObject(body))));
    }

    /** deleteOrgNacTag. least role: write */
    @RequiresRole(ApiRole.WRITE)
    @DELETE
    @Path("{nactag_id}")
    public Response delete(@PathParam("org_id") String orgId, @PathParam("nactag_id") String id) {
        policy.deleteTag(orgId, id);
        return Response.ok().build();
    }

    static Response json(Object body) {
        return Response.ok(JsonText.write(body), MediaType.APPLICATION_JSON_TYPE).build();
    }
}
