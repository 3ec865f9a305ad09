package io.turnstile.api.audit;

import io.turnstile.api.security.RequiresRole;
import io.turnstile.audit.AuditCount;
import io.turnstile.audit.AuditEntry;
import io.turnstile.audit.AuditLog;
import io.turnstile.audit.AuditPage;
import io.turnstile.audit.AuditQuery;
import io.turnstile.org.ApiRole;
import io.turnstile.platform.EpochSeconds;
import io.turnstile.platform.JsonText;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code /orgs/{org_id}/logs} and {@code logs/count} (contract: listOrgAuditLogs, countOrgAuditLogs). */
@Path("orgs/{org_id}/logs")
@RequestScoped
@RequiresRole(ApiRole.READ)
@Produces(MediaType.APPLICATION_JSON)
public class AuditLogsResource {

    @Inject
    AuditLog log;

    @Inject
    Clock clock;

    /** listOrgAuditLogs: {@code {start, end, limit, page, total, results: [audit_log]}}. */
    @GET
    public Response list(@PathParam("org_id") String orgId, @QueryParam("site_id") String siteId,
                         @QueryParam("admin_name") String adminName, @QueryParam("message") String message,
                         @QueryParam("sort") String sort, @QueryParam("start") String start,
                         @QueryParam("end") String end, @QueryParam("duration") String duration,
                         @QueryParam("limit") String limit, @QueryParam("page") String page) {
        AuditPage p = log.search(orgId, AuditQuery.parse(siteId, null, adminName, message, sort, start, end, duration,
                limit, page, clock));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("start", p.startSeconds());
        out.put("end", p.endSeconds());
        out.put("limit", p.limit());
        out.put("page", p.page());
        out.put("total", p.total());
        out.put("results", p.results().stream().map(AuditLogsResource::entry).toList());
        return Response.ok(JsonText.write(out), MediaType.APPLICATION_JSON_TYPE).build();
    }

    /** countOrgAuditLogs: {@code {distinct, start, end, limit, total, results: [{property, count}]}}. */
    @GET
    @Path("count")
    public Response count(@PathParam("org_id") String orgId, @QueryParam("distinct") String distinct,
                          @QueryParam("admin_id") String adminId, @QueryParam("admin_name") String adminName,
                          @QueryParam("site_id") String siteId, @QueryParam("message") String message,
                          @QueryParam("start") String start, @QueryParam("end") String end,
                          @QueryParam("duration") String duration, @QueryParam("limit") String limit) {
        AuditCount c = log.count(orgId, AuditQuery.parse(siteId, adminId, adminName, message, null, start, end,
                duration, limit, null, clock), distinct);
        List<Map<String, Object>> results = new ArrayList<>();
        c.counts().forEach((property, n) -> {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("property", property);
            r.put("count", n);
            results.add(r);
        });
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("distinct", c.distinct());
        out.put("start", c.startSeconds());
        out.put("end", c.endSeconds());
        out.put("limit", c.limit());
        out.put("total", c.total());
        out.put("results", results);
        return Response.ok(JsonText.write(out), MediaType.APPLICATION_JSON_TYPE).build();
    }

    static Map<String, Object> entry(AuditEntry e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", e.id());
        m.put("org_id", e.orgId());
        m.put("site_id", e.siteId());
        m.put("admin_id", e.adminId());
        m.put("admin_name", e.adminName());
        m.put("message", e.message());
        m.put("timestamp", EpochSeconds.ofMillis(e.timestampMillis()));
        m.put("before", e.before());
        m.put("after", e.after());
        return m;
    }
}
