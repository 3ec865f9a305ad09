package io.turnstile.events;

import io.turnstile.platform.TimeWindow;

import java.util.List;

/**
 * A count by distinct value (contract: response_count).
 *
 * @param distinct the parameter name counted by (the key of each result)
 * @param total    how many distinct values there are (results hold at most {@code limit} of them)
 */
public record NacCountResults(String distinct, List<Bucket> results, long total, int limit, TimeWindow window) {

    public record Bucket(Object value, long count) {
    }

    public NacCountResults {
        results = List.copyOf(results);
    }
}
