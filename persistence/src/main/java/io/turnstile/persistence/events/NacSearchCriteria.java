package io.turnstile.persistence.events;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Filters of a search over {@code nac_event} (window on {@code ts}) or {@code nac_client} (window on
 * {@code last_seen}): the org, a half-open time window [from, to] in epoch milliseconds (both ends included) and
 * equality filters by column name. Columns are checked against the table's searchable columns when the SQL is built.
 *
 * @param equals column name to value (String or Boolean)
 */
public record NacSearchCriteria(String orgId, long fromMillis, long toMillis, Map<String, Object> equals) {

    public NacSearchCriteria {
        Objects.requireNonNull(orgId, "orgId");
        equals = equals == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(equals));
    }
}
