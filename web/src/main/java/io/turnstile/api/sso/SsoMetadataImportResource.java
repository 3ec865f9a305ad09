package io.turnstile.api.sso;

import java.util.Map;

import io.turnstile.api.ApiError;
import io.turnstile.api.security.RequiresRole;
import io.turnstile.identity.SsoService;
import io.turnstile.org.ApiRole;
import io.turnstile.platform.JsonText;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Turnstile extension: {@code POST /api/v1/orgs/{org_id}/ssos/{sso_id}/metadata/import} sets a SAML SSO's
 * {@code issuer}, {@code idp_sso_url}, {@code idp_cert} and {@code nameid_format} from the IdP's metadata XML (body:
 * the XML itself, or JSON {@code {"metadata": "<xml>"}}). The same works on create and update with the field
 * {@code idp_metadata}; see {@link io.turnstile.identity.SsoService}.
 */
@Path("orgs/{org_id}/ssos/{sso_id}/metadata/import")
@RequestScoped
@Tag(name = "Orgs SSOs", description = "Turnstile extension: configure a SAML SSO from the IdP's metadata")
public class SsoMetadataImportResource {

    @Inject
    SsoService ssos;

    @RequiresRole(ApiRole.ADMIN)
    @POST
    @Consumes({MediaType.APPLICATION_XML, MediaType.TEXT_XML, MediaType.APPLICATION_JSON})
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "importOrgSsoIdpMetadata", summary = "Turnstile extension: set issuer, idp_sso_url, "
            + "idp_cert and nameid_format of a SAML SSO from the IdP's SAML 2.0 metadata XML (body: the XML, or JSON "
            + "{\"metadata\": \"<xml>\"}); answers the updated sso")
    public Response importMetadata(@PathParam("org_id") String orgId, @PathParam("sso_id") String ssoId,
                                   @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType, String body) {
        String xml = body;
        if (contentType != null && contentType.toLowerCase().startsWith(MediaType.APPLICATION_JSON)) {
            xml = JsonText.parseObject(body).get("metadata") instanceof String s ? s : null;
        }
        if (xml == null || xml.isBlank()) {
            throw ApiError.badRequest("the body must be the IdP's SAML metadata XML, or {\"metadata\": \"<xml>\"}");
        }
        return Response.ok(JsonText.write(SsoJson.toMap(ssos.update(orgId, ssoId,
                Map.of(SsoService.IDP_METADATA, xml)))), MediaType.APPLICATION_JSON_TYPE).build();
    }
}
