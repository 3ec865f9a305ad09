package io.turnstile.api.policy;

import io.turnstile.api.security.RequiresRole;
import io.turnstile.org.ApiRole;
import io.turnstile.api.ApiError;
import io.turnstile.platform.JsonText;
import io.turnstile.platform.Paging;
import io.turnstile.platform.TimeWindow;
import io.turnstile.policy.NacPolicyService;
import io.turnstile.policy.NacRule;
import io.turnstile.policy.PolicyDocuments;
import io.turnstile.policy.PolicyExplainer;
import io.turnstile.policy.PolicyPage;
import io.turnstile.policy.RuleHitService;
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
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The contract's rules, {@code /orgs/{org_id}/nacrules} ("Orgs NAC Rules"), plus two Turnstile extensions: hit counts
 * returned with the rules ({@code hits}) and the policy test ({@code POST nacrules/test}).
 */
@Path("orgs/{org_id}/nacrules")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class NacRulesResource {

    @Inject
    NacPolicyService policy;

    @Inject
    RuleHitService hits;

    @Inject
    PolicyExplainer explainer;

    @Inject
    Clock clock;

    /** listOrgNacRules, with hit counts. least role: read */
    @RequiresRole(ApiRole.READ)
    @GET
    @Operation(operationId = "listOrgNacRules", summary = "listOrgNacRules",
            description = "Rules in evaluation order (order, then creation). Turnstile extension: each rule has"
                    + " 'hits' {last_60m, last_24h, last_7d, today, yesterday, this_week[, custom]} counted from the"
                    + " stored NAC events; calendar windows in the zone 'tz' (default UTC); 'hits_start'/'hits_end'"
                    + " (epoch seconds, 'now' or e.g. -2h) add the custom window. A rule with 'dryrun': true is"
                    + " evaluated and recorded in events (dryrun_nacrule_id/matched) but never decides. Without any"
                    + " rule the implicit default rule applies: MAB is allowed for known endpoints (usermacs) with"
                    + " their own VLAN, role and name; a successful EAP authentication is allowed with no VLAN.")
    public Response list(@PathParam("org_id") String orgId, @QueryParam("limit") String limit,
                         @QueryParam("page") String page, @QueryParam("tz") String tz,
                         @QueryParam("hits_start") String hitsStart, @QueryParam("hits_end") String hitsEnd) {
        PolicyPage<NacRule> p = policy.listRules(orgId, Paging.limit(limit), Paging.page(page));
        Long from = null;
        Long to = null;
        if (hitsStart != null || hitsEnd != null) {
            if (hitsStart == null || hitsEnd == null) {
                throw ApiError.badRequest("hits_start and hits_end go together");
            }
            TimeWindow w = TimeWindow.parse(hitsStart, hitsEnd, null, clock);
            from = w.fromMillis();
            to = w.toMillis();
        }
        Map<String, Map<String, Long>> counts = hits.hits(orgId, zone(tz), from, to);
        List<Map<String, Object>> out = p.results().stream().map(r -> {
            Map<String, Object> m = PolicyDocuments.ruleToMap(r);
            Map<String, Object> h = new LinkedHashMap<>();
            counts.forEach((window, byRule) -> h.put(window, byRule.getOrDefault(r.id(), 0L)));
            m.put("hits", h);
            return m;
        }).toList();
        return Response.ok(JsonText.write(out), MediaType.APPLICATION_JSON_TYPE)
                .header("X-Page-Limit", p.limit())
                .header("X-Page-Page", p.page())
                .header("X-Page-Total", p.total())
                .build();
    }

    /** createOrgNacRule. least role: write */
    @RequiresRole(ApiRole.WRITE)
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(@PathParam("org_id") String orgId, String body) {
        return NacTagsResource.json(PolicyDocuments.ruleToMap(policy.createRule(orgId, JsonText.parseObject(body))));
    }

    /** getOrgNacRule. least role: read */
    @RequiresRole(ApiRole.READ)
    @GET
    @Path("{nacrule_id}")
    public Response get(@PathParam("org_id") String orgId, @PathParam("nacrule_id") String id) {
        return NacTagsResource.json(PolicyDocuments.ruleToMap(policy.getRule(orgId, id)));
    }

    /** updateOrgNacRule. least role: write */
    @RequiresRole(ApiRole.WRITE)
    @PUT
    @Path("{nacrule_id}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response update(@PathParam("org_id") String orgId, @PathParam("nacrule_id") String id, String body) {
        return NacTagsResource.json(PolicyDocuments.ruleToMap(policy.updateRule(orgId, id,
                JsonText.parseObject(body))));
    }

    /** deleteOrgNacRule. least role: write */
    @RequiresRole(ApiRole.WRITE)
    @DELETE
    @Path("{nacrule_id}")
    public Response delete(@PathParam("org_id") String orgId, @PathParam("nacrule_id") String id) {
        policy.deleteRule(orgId, id);
        return Response.ok().build();
    }

    /** Turnstile extension: the policy test. Evaluates only; records no event. least role: read */
    @RequiresRole(ApiRole.READ)
    @POST
    @Path("test")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "testOrgNacRules", summary = "Test the NAC rules against a set of facts",
            description = "Turnstile extension. Body: facts {auth_type (default mab), port_type (wired|wireless),"
                    + " site_id, mac, username, idp_username, nas_ip, nas_vendor, ssid, realm, idp_role [..],"
                    + " mdm_status, ingress_vlan, hostname, cert {cn, san_upn [..], san_email [..], san_dns [..],"
                    + " serial, issuer, subject, eku [..], template}}. The endpoint (usermac) is looked up by mac."
                    + " Response: decision (allow|block|reject), nacrule_id, nacrule_name, reason, vlan, role,"
                    + " username, resp_attrs (as sent to nas_vendor), dryrun_nacrule_id/matched, and 'rules': each"
                    + " rule evaluated up to the deciding one with its outcome and the first condition that failed.")
    public Response test(@PathParam("org_id") String orgId, String body) {
        var facts = PolicyTestJson.facts(orgId, JsonText.parseObject(body));
        return NacTagsResource.json(PolicyTestJson.result(explainer.explain(facts), facts.nasVendor()));
    }

    private static ZoneId zone(String tz) {
        if (tz == null || tz.isBlank()) {
            return ZoneOffset.UTC;
        }
        try {
            return ZoneId.of(tz);
        } catch (DateTimeException e) {
            throw ApiError.badRequest("tz: unknown time zone '" + tz + "'");
        }
    }
}
