package io.turnstile.api.pki;

import io.turnstile.api.security.RequiresRole;
import io.turnstile.org.ApiRole;
import io.turnstile.api.ApiError;
import io.turnstile.pki.OrgCertificateAuthority;
import io.turnstile.pki.Pem;
import io.turnstile.platform.InvalidRequestException;
import io.turnstile.platform.ResourceNotFoundException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;

/**
 * The organisation CA, {@code /orgs/{org_id}/cert} of the contract ("Orgs Cert"), and one Turnstile extension.
 * Translates and delegates to {@link OrgCertificateAuthority}; authentication and roles are checked by the request
 * filter before this (a POST needs an admin).
 *
 * <ul>
 *   <li>{@code GET /orgs/{org_id}/cert} (listOrgCertificates): {@code {"cert": "<CA PEM>"}}, the contract's
 *       {@code response_certificate}; 404 for an unknown org. The CA is created on first use.</li>
 *   <li>{@code POST /orgs/{org_id}/cert/issue_client} — <b>Turnstile extension, not in the Mist API</b>: issues a
 *       client certificate (extKeyUsage clientAuth, one year, e.g. for a RadSec peer) from
 *       {@code {"common_name": "...", "csr": "<PEM PKCS#10>"}} and answers {@code {"cert": "<PEM>", "ca": "<PEM>"}}.
 *       400 if the CSR is not PEM PKCS#10, its signature does not verify, or its key is not RSA ≥ 2048 / EC ≥ 256
 *       bits; {@code common_name} defaults to the CSR's CN.</li>
 * </ul>
 */
@Path("/orgs/{org_id}/cert")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@RequiresRole(ApiRole.READ)
public class OrgCertResource {

    @Inject
    OrgCertificateAuthority authority;

    /** listOrgCertificates. */
    @GET
    public CertificateJson get(@PathParam("org_id") String orgId) {
        try {
            return CertificateJson.of(Pem.certificate(authority.caCertificate(orgId)));
        } catch (ResourceNotFoundException | InvalidRequestException e) {
            throw translate(e);
        }
    }

    /** Turnstile extension: a client certificate from a CSR. */
    @POST
    @RequiresRole(ApiRole.WRITE)
    @Path("issue_client")
    @Consumes(MediaType.APPLICATION_JSON)
    public IssuedClientCertificateJson issueClient(@PathParam("org_id") String orgId, IssueClientCertificateJson body) {
        if (body == null || body.csr() == null || body.csr().isBlank()) {
            throw ApiError.badRequest("csr is required (PEM PKCS#10)");
        }
        try {
            var issued = authority.issueClientCertificate(orgId, body.commonName(), body.csr());
            return new IssuedClientCertificateJson(Pem.certificate(issued.certificate()), Pem.certificate(issued.ca()));
        } catch (ResourceNotFoundException | InvalidRequestException e) {
            throw translate(e);
        }
    }

    private static WebApplicationException translate(RuntimeException e) {
        return e instanceof ResourceNotFoundException ? ApiError.notFound(e.getMessage())
                : ApiError.badRequest(e.getMessage());
    }
}
