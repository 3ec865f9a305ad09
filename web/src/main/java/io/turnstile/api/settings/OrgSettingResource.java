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
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * {@code GET /api/v1/orgs/{org_id}/setting} and {@code PUT} (merges the top-level fields of the body; a field set to
 * null is removed). Turnstile extension, validated on PUT:
 * <pre>
 * "radsec": {"cacerts": ["-----BEGIN CERTIFICATE-----\n...", ...]}
 * </pre>
 * CA certificates (PEM, each must be a CA) that RadSec clients' certificates may chain to, besides the org CA;
 * see {@link io.turnstile.org.OrgSettingDocument}; {@code mist_nac.ocsp} (see {@link io.turnstile.pki.OcspSettings}).
 * {@code mist_nac.server_cert} is checked and its key sealed and masked (see
 * {@link io.turnstile.pki.ServerCertificateSetting}).
 */
@Path("orgs/{org_id}/setting")
@RequestScoped
@RequiresRole(ApiRole.READ)
@Produces(MediaType.APPLICATION_JSON)
public class OrgSettingResource {

    @Inject
    SettingService settings;

    @GET
    @Operation(operationId = "getOrgSettings", summary = "getOrgSettings",
            description = "The org setting. The key of mist_nac.server_cert is answered as ******** (it is stored "
                    + "sealed); its password is not kept.")
    public Response get(@PathParam("org_id") String orgId) {
        return json(OrgSettingJson.toMap(settings.get(orgId)));
    }

    @PUT
    @RequiresRole(ApiRole.WRITE)
    @Operation(operationId = "updateOrgSettings", summary = "updateOrgSettings",
            description = "Merges the top-level fields of the body (null removes one). mist_nac.server_cert {cert: "
                    + "PEM chain leaf first up to the root, key: PEM private key (PKCS#8, encrypted PKCS#8 or "
                    + "traditional RSA/EC), password: optional} replaces the org-CA-issued EAP server certificate at "
                    + "once; it is refused with 400 and a precise detail unless the key matches the certificate, the "
                    + "chain is complete, no certificate is expired, the names have no wildcard and the leaf has the "
                    + "serverAuth extended key usage (the certificate in use stays). key ******** keeps the stored "
                    + "key; mist_nac without server_cert goes back to the org-CA-issued certificate. "
                    + "Turnstile extensions: radsec {cacerts: [PEM]} (CAs RadSec clients may chain to) and "
                    + "mist_nac.ocsp {enabled (default true), timeout_ms (100..30000, default 3000), fail_open "
                    + "(default true)}: the leaf and each intermediate CA of an EAP client chain that name an OCSP "
                    + "responder (AIA) are checked online, at most 4 per chain; revoked is rejected "
                    + "(NAC_CLIENT_CERT_REVOKED, cert_ocsp_revoked_subject names it), no answer within timeout_ms "
                    + "rejects unless fail_open (events carry cert_ocsp good|revoked|unavailable).")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response update(@PathParam("org_id") String orgId, String body) {
        return json(OrgSettingJson.toMap(settings.update(orgId, JsonText.parseObject(body))));
    }

    private static Response json(Object body) {
        return Response.ok(JsonText.write(body), MediaType.APPLICATION_JSON_TYPE).build();
    }
}
