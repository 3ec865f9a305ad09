package io.turnstile.api.settings;

import io.turnstile.api.security.RequiresRole;
import io.turnstile.org.ApiRole;
import io.turnstile.api.ApiError;
import io.turnstile.pki.NacCrl;
import io.turnstile.pki.NacCrlService;
import io.turnstile.platform.JsonText;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.EntityPart;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The contract's {@code /orgs/{org_id}/setting/mist_nac_crls}: getOrgNacCrl (list), importOrgNacCrl (multipart part
 * {@code file}, PEM or DER, and optional part {@code json} {@code {"name": "..."}}), deleteOrgNacCrl. EAP-TLS checks
 * client certificates against these CRLs.
 */
@Path("orgs/{org_id}/setting/mist_nac_crls")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class NacCrlResource {

    static final int MAX_FILE_BYTES = 10 * 1024 * 1024;

    @Inject
    NacCrlService crls;

    @RequiresRole(ApiRole.READ)
    @GET
    public Response list(@PathParam("org_id") String orgId) {
        return json(Map.of("results", crls.list(orgId).stream().map(NacCrlResource::toMap).toList()));
    }

    /**
     * The parts come as a list rather than {@code @FormParam} (Jersey 3.1 answers 500 when a named part is missing).
     */
    @RequiresRole(ApiRole.WRITE)
    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response importCrl(@PathParam("org_id") String orgId, List<EntityPart> parts) throws IOException {
        EntityPart file = part(parts, "file");
        if (file == null) {
            throw ApiError.badRequest("the CRL must be sent in the multipart/form-data part named 'file'");
        }
        byte[] content;
        try (InputStream in = file.getContent()) {
            content = in.readNBytes(MAX_FILE_BYTES + 1);
        }
        String name = null;
        EntityPart json = part(parts, "json");
        if (json != null) {
            String text;
            try (InputStream in = json.getContent()) {
                text = new String(in.readNBytes(64 * 1024), StandardCharsets.UTF_8);
            }
            if (!text.isBlank() && JsonText.parseObject(text).get("name") instanceof String n) {
                name = n;
            }
        }
        return json(toMap(crls.importCrl(orgId, content, name)));
    }

    @RequiresRole(ApiRole.WRITE)
    @DELETE
    @Path("{naccrl_id}")
    public Response delete(@PathParam("org_id") String orgId, @PathParam("naccrl_id") String id) {
        crls.delete(orgId, id);
        return Response.ok().build();
    }

    private static EntityPart part(List<EntityPart> parts, String name) {
        return parts == null ? null : parts.stream().filter(p -> name.equals(p.getName())).findFirst().orElse(null);
    }

    static Map<String, Object> toMap(NacCrl c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", c.id());
        m.put("name", c.name());
        m.put("created_time", c.created().getEpochSecond());
        m.put("modified_time", c.modified().getEpochSecond());
        return m;
    }

    private static Response json(Object body) {
        return Response.ok(JsonText.write(body), MediaType.APPLICATION_JSON_TYPE).build();
    }
}
