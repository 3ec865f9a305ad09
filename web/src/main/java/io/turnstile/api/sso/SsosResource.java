package io.turnstile.api.sso;

import io.turnstile.api.security.RequiresRole;
import io.turnstile.identity.SsoPage;
import io.turnstile.org.ApiRole;
import io.turnstile.identity.SsoService;
import io.turnstile.platform.JsonText;
import io.turnstile.platform.Paging;
import jakarta.enterprise.context.RequestScoped;
import org.eclipse.microprofile.openapi.annotations.Operation;
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
 * The contract's ssos: identity providers (idp_type ldap, oauth, mxedge_proxy, openroaming) and admin SAML SSO:
 * <ul>
 *   <li>{@code GET /api/v1/orgs/{org_id}/ssos?limit=&page=}: a JSON array (headers {@code X-Page-Limit},
 *       {@code X-Page-Page}, {@code X-Page-Total});</li>
 *   <li>{@code POST /api/v1/orgs/{org_id}/ssos}: create, answers the stored entry;</li>
 *   <li>{@code GET|PUT|DELETE /api/v1/orgs/{org_id}/ssos/{sso_id}}; PUT merges top-level fields.</li>
 * </ul>
 * Secrets (e.g. {@code ldap_bind_password}) are answered as {@code ********}; sending that mask back keeps the stored
 * secret. Validation: {@link io.turnstile.identity.SsoDocument} and, for ldap,
 * {@link io.turnstile.identity.ldap.LdapSettings}.
 */
@Path("orgs/{org_id}/ssos")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class SsosResource {

    /** The extension fields, documented in the served OpenAPI of create and update. */
    static final String EXTENSIONS = "Turnstile extension fields of an sso (idp_type saml): disabled (boolean, "
            + "default false: a disabled SSO refuses its ACS with a stored failure reason and login/lookup no longer "
            + "offers it; local login keeps working), email_domains, saml_clock_skew, saml_allow_sha1, "
            + "saml_keep_assertions, and idp_metadata (the IdP metadata XML instead of the fields).";

    @Inject
    SsoService ssos;

    @RequiresRole(ApiRole.READ)
    @GET
    public Response list(@PathParam("org_id") String orgId, @QueryParam("limit") String limit,
                         @QueryParam("page") String page) {
        SsoPage p = ssos.list(orgId, Paging.limit(limit), Paging.page(page));
        return Response.ok(JsonText.write(p.ssos().stream().map(SsoJson::toMap).toList()),
                        MediaType.APPLICATION_JSON_TYPE)
                .header("X-Page-Limit", p.limit())
                .header("X-Page-Page", p.page())
                .header("X-Page-Total", p.total())
                .build();
    }

    /** Admin: an IdP decides who gets on the network. */
    @RequiresRole(ApiRole.ADMIN)
    @POST
    @Operation(summary = "createOrgSso", description = EXTENSIONS)
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(@PathParam("org_id") String orgId, String body) {
        return json(SsoJson.toMap(ssos.create(orgId, JsonText.parseObject(body))));
    }

    @RequiresRole(ApiRole.READ)
    @GET
    @Path("{sso_id}")
    public Response get(@PathParam("org_id") String orgId, @PathParam("sso_id") String id) {
        return json(SsoJson.toMap(ssos.get(orgId, id)));
    }

    @RequiresRole(ApiRole.ADMIN)
    @PUT
    @Operation(summary = "updateOrgSso", description = EXTENSIONS)
    @Path("{sso_id}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response update(@PathParam("org_id") String orgId, @PathParam("sso_id") String id, String body) {
        return json(SsoJson.toMap(ssos.update(orgId, id, JsonText.parseObject(body))));
    }

    @RequiresRole(ApiRole.ADMIN)
    @DELETE
    @Path("{sso_id}")
    public Response delete(@PathParam("org_id") String orgId, @PathParam("sso_id") String id) {
        ssos.delete(orgId, id);
        return Response.ok().build();
    }

    private static Response json(Object body) {
        return Response.ok(JsonText.write(body), MediaType.APPLICATION_JSON_TYPE).build();
    }
}
