package io.turnstile.endpoints;

import java.util.List;

/** One page of a usermac search, with the number of matches over all pages. */
public record EndpointPage(List<StoredEndpoint> results, long total, int limit, int page) {

    public EndpointPage {
        results = List.copyOf(results);
    }
}
