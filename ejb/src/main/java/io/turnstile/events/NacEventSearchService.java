package io.turnstile.events;

/** Searches and counts over stored NAC events and the clients' latest state (contract: /orgs/{org_id}/nac_clients/...). */
public interface NacEventSearchService {

    NacSearchResults<NacEvent> searchEvents(String orgId, NacSearchQuery query);

    NacCountResults countEvents(String orgId, NacSearchQuery query);

    NacSearchResults<NacClientState> searchClients(String orgId, NacSearchQuery query);

    NacCountResults countClients(String orgId, NacSearchQuery query);
}
