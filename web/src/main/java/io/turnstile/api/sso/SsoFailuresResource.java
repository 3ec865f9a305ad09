package io.turnstile.api.sso;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.turnstile.api.security.RequiresRole;
import io.turnstile.org.ApiRole;
import io.turnstile.platform.JsonText;
import io.turnstile.platform.Paging;
import io.turnstile.platform.ResourceNotFoundException;
import io.turnstile.platform.TimeWindow;
import io.turnstile.sso.SsoFailureLog;
import io.turnstile.sso.SsoLoginService;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * {@code GET /api/v1/orgs/{org_id}/ssos/{sso_id}/failures} (contract {@code response_sso_failure_search}): the
 * SSO's refused logins in the time window, newest first, each with {@code timestamp}, {@code detail} (the reason)
 * and {@code saml_assertion_xml} (what was received); with the diagnostic switch on, successful ones too.
 */
@Path("orgs/{org_id}/ssos/{sso_id}/failures")
@RequestScoped
public class SsoFailuresResource {

    @Inject
    SsoLoginService service;

    @Inject
    Clock clock;

    /** Admin, as the ssos changes: the entries hold received assertions (personal data of the admins). */
    @RequiresRole(ApiRole.ADMIN)
    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response list(@PathParam("org_id") String orgId, @PathParam("sso_id") String ssoId,
                         @QueryParam("start") String start, @QueryParam("end") String end,
                         @QueryParam("duration") String duration, @QueryParam("limit") String limit,
                         @QueryParam("page") String page) {
        TimeWindow w = TimeWindow.parse(start, end, duration, clock);
        List<SsoFailureLog.Entry> entries = service.failures(orgId, ssoId, w.fromMillis(), w.toMillis(),
                Paging.limit(limit), Paging.page(page)).orElseThrow(() -> new ResourceNotFoundException("SAML SSO not found"));
        List<Map<String, Object>> results = entries.stream().map(e -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("timestamp", e.timestamp());
            m.put("detail", e.detail());
            m.put("saml_assertion_xml", e.samlAssertionXml());
            return m;
        }).toList();
        return Response.ok(JsonText.write(Map.of("results", results)), MediaType.APPLICATION_JSON_TYPE).build();
    }
}
