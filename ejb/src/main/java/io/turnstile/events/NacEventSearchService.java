package io.turnstile.events;

/** Searches and counts over stored NAC events and the clients' latest state (contract: /orgs/{org_id}/nac_clients/...). */
public interface NacEventSearchService {

    NacSearchResults<NacEvent> searchEvents(String orgId, NacSearchQuery query);

    NacCountResults countEvents(String orgId, NacSearchQuery query);

    /**
     * One page of events without counting the matches (the console counts separately with
     * {@link #countEventsUpTo}); the query's {@code limit} and {@code page} select the page.
     */
    java.util.List<NacEvent> eventsPage(String orgId, NacSearchQuery query);

    /** How many events match, counting no further than {@code cap} (a console shows "10,000+"). */
    long countEventsUpTo(String orgId, NacSearchQuery query, long cap);

    NacSearchResults<NacClientState> searchClients(String orgId, NacSearchQuery query);

    NacCountResults countClients(String orgId, NacSearchQuery query);
}
