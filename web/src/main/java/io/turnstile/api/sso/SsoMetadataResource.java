package io.turnstile.api.sso;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

import io.turnstile.api.security.RequiresRole;
import io.turnstile.org.ApiRole;
import io.turnstile.platform.JsonText;
import io.turnstile.platform.ResourceNotFoundException;
import io.turnstile.sso.PublicBaseUrl;
import io.turnstile.sso.SsoLoginService;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/**
 * {@code GET /api/v1/orgs/{org_id}/ssos/{sso_id}/metadata} (contract {@code saml_metadata}) and
 * {@code .../metadata.xml} (the same metadata as a download). Rooted at the full path so that the ssos CRUD
 * resource keeps {@code orgs/{org_id}/ssos/{sso_id}} itself. Read: the SP metadata is public by nature (the IdP
 * admin needs it), only the org's readers see which SSOs exist.
 */
@RequestScoped
public class SsoMetadataResource {

    @Inject
    SsoLoginService service;

    @Inject
    PublicBaseUrl baseUrl;

    @Context
    UriInfo uri;

    SsoLoginService.MetadataView view(String orgId, String ssoId) {
        URI base = uri.getBaseUri();
        return service.metadata(orgId, ssoId, baseUrl.resolve(base.getScheme(), base.getHost(), base.getPort()))
                .orElseThrow(() -> new ResourceNotFoundException("SAML SSO not found"));
    }

    @Path("orgs/{org_id}/ssos/{sso_id}/metadata")
    @RequestScoped
    public static class Json extends SsoMetadataResource {
        @RequiresRole(ApiRole.READ)
        @GET
        @Produces(MediaType.APPLICATION_JSON)
        public Response get(@PathParam("org_id") String orgId, @PathParam("sso_id") String ssoId) {
            SsoLoginService.MetadataView v = view(orgId, ssoId);
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("entity_id", v.entityId());
            body.put("acs_url", v.acsUrl());
            body.put("logout_url", v.logoutUrl());
            body.put("metadata", v.metadata());
            return Response.ok(JsonText.write(body), MediaType.APPLICATION_JSON_TYPE).build();
        }
    }

    @Path("orgs/{org_id}/ssos/{sso_id}/metadata.xml")
    @RequestScoped
    public static class Xml extends SsoMetadataResource {
        @RequiresRole(ApiRole.READ)
        @GET
        @Produces(MediaType.APPLICATION_XML)
        public Response get(@PathParam("org_id") String orgId, @PathParam("sso_id") String ssoId) {
            return Response.ok(view(orgId, ssoId).metadata(), MediaType.APPLICATION_XML_TYPE)
                    .header("Content-Disposition", "attachment; filename=\"metadata.xml\"").build();
        }
    }
}
