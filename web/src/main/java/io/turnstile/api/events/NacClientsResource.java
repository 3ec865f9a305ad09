package io.turnstile.api.events;

import io.turnstile.api.security.RequiresRole;
import io.turnstile.org.ApiRole;
import io.turnstile.events.NacEventSearchService;
import io.turnstile.events.NacSearchQuery;
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

import java.time.Clock;

/**
 * NAC events and clients of an org (contract tag "Orgs Clients - NAC"):
 * <ul>
 *   <li>{@code GET /api/v1/orgs/{org_id}/nac_clients/events/search}: response_events_nac_client_search;</li>
 *   <li>{@code GET /api/v1/orgs/{org_id}/nac_clients/events/count}: response_count;</li>
 *   <li>{@code GET /api/v1/orgs/{org_id}/nac_clients/search}: response_client_nac_search;</li>
 *   <li>{@code GET /api/v1/orgs/{org_id}/nac_clients/count}: response_count.</li>
 * </ul>
 * Query parameters are described in {@link NacSearchQuery} (window start/end/duration, limit/page, mac in any
 * notation, equality filters; unsupported contract filters answer 400). {@code page} is accepted on the event search
 * as a Turnstile extension. Shapes and extensions: {@link NacEventJson}.
 */
@Path("orgs/{org_id}/nac_clients")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@RequiresRole(ApiRole.READ)
public class NacClientsResource {

    @Inject
    NacEventSearchService search;

    @Inject
    Clock clock;

    @Context
    UriInfo uri;

    @GET
    @Path("events/search")
    public Response searchEvents(@PathParam("org_id") String orgId) {
        NacSearchQuery q = NacSearchQuery.parse(NacSearchQuery.Target.EVENTS, uri.getQueryParameters(), false, clock);
        return json(NacEventJson.search(search.searchEvents(orgId, q), NacEventJson::event));
    }

    @GET
    @Path("events/count")
    public Response countEvents(@PathParam("org_id") String orgId) {
        NacSearchQuery q = NacSearchQuery.parse(NacSearchQuery.Target.EVENTS, uri.getQueryParameters(), true, clock);
        return json(NacEventJson.count(search.countEvents(orgId, q)));
    }

    @GET
    @Path("search")
    public Response searchClients(@PathParam("org_id") String orgId) {
        NacSearchQuery q = NacSearchQuery.parse(NacSearchQuery.Target.CLIENTS, uri.getQueryParameters(), false, clock);
        return json(NacEventJson.search(search.searchClients(orgId, q), NacEventJson::client));
    }

    @GET
    @Path("count")
    public Response countClients(@PathParam("org_id") String orgId) {
        NacSearchQuery q = NacSearchQuery.parse(NacSearchQuery.Target.CLIENTS, uri.getQueryParameters(), true, clock);
        return json(NacEventJson.count(search.countClients(orgId, q)));
    }

    private static Response json(Object body) {
        return Response.ok(JsonText.write(body), MediaType.APPLICATION_JSON_TYPE).build();
    }
}
