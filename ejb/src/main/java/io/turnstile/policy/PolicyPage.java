package io.turnstile.policy;

import java.util.List;

/** One page of labels or rules and the number of them over all pages. */
public record PolicyPage<T>(List<T> results, long total, int limit, int page) {

    public PolicyPage {
        results = List.copyOf(results);
    }
}
