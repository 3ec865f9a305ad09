package io.turnstile.api.accounting;

import io.turnstile.api.security.RequiresRole;
import io.turnstile.org.ApiRole;
import io.turnstile.accounting.AccountingSearchService;
import io.turnstile.accounting.SessionQuery;
import io.turnstile.platform.JsonText;
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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Clock;

/**
 * Turnstile extension (not in the Mist contract): RADIUS accounting sessions (RFC 2866).
 *
 * <p>{@code GET /api/v1/orgs/{org_id}/accounting/sessions/search}
 * <ul>
 *   <li>query: {@code mac} (any notation), {@code username}, {@code session_id} (Acct-Session-Id), {@code status}
 *       ({@code active}|{@code stopped}), {@code start}/{@code end} (epoch seconds, or {@code now}, {@code -1d}),
 *       {@code duration} (default {@code 1d}), {@code limit} (default 100, at most 1000), {@code page} (from 1);
 *       a session matches the window if it overlaps it (from its start, or first record, to its stop, or last
 *       update while active);</li>
 *   <li>response: {@code {"results": [session...], "total": n, "limit": n, "page": n, "start": s, "end": s}}, most
 *       recently updated first, where a session is {@code {"id", "org_id", "nas_ip", "nas_identifier", "session_id",
 *       "multi_session_id", "mac", "username", "framed_ip", "nas_port", "called_station_id", "status", "start_time",
 *       "stop_time", "last_update", "session_time", "input_octets", "output_octets", "input_packets",
 *       "output_packets", "terminate_cause"}} (times in epoch seconds, octets including gigawords, absent values
 *       left out).</li>
 * </ul>
 */
@Path("orgs/{org_id}/accounting/sessions")
@Tag(name = "Turnstile Accounting", description = "Turnstile extension: RADIUS accounting sessions (RFC 2866)")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@RequiresRole(ApiRole.READ)
public class AccountingResource {

    @Inject
    AccountingSearchService accounting;

    @Inject
    Clock clock;

    @Context
    UriInfo uri;

    @GET
    @Path("search")
    @Operation(operationId = "searchOrgAccountingSessions", summary = "Search RADIUS accounting sessions",
            description = "Turnstile extension. Query: mac (any notation), username, session_id (Acct-Session-Id),"
                    + " status (active|stopped), start/end (epoch seconds, 'now', or relative like -1d), duration"
                    + " (default 1d), limit (default 100, max 1000), page (from 1). Sessions overlapping the window,"
                    + " most recently updated first. Response: {results, total, limit, page, start, end}.")
    public Response search(@PathParam("org_id") String orgId) {
        SessionQuery q = SessionQuery.parse(uri.getQueryParameters(), clock);
        return Response.ok(JsonText.write(AcctSessionJson.page(accounting.search(orgId, q))),
                MediaType.APPLICATION_JSON_TYPE).build();
    }
}
