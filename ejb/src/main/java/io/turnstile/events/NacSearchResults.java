package io.turnstile.events;

import io.turnstile.platform.TimeWindow;

import java.util.List;

/** One page of a search over events or clients, and the number of matches over all pages. */
public record NacSearchResults<T>(List<T> results, long total, int limit, int page, TimeWindow window) {

    public NacSearchResults {
        results = List.copyOf(results);
    }
}
