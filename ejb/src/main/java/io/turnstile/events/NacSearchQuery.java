package io.turnstile.events;

import io.turnstile.endpoints.MacAddress;
import io.turnstile.persistence.events.NacSearchCriteria;
import io.turnstile.platform.InvalidRequestException;
import io.turnstile.platform.Paging;
import io.turnstile.platform.TimeWindow;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A search or count over NAC events or NAC clients, parsed from the contract's query parameters.
 * <ul>
 *   <li>window: {@code start}, {@code end} (epoch seconds), {@code duration} (default 1d), see {@link TimeWindow};
 *       on {@code timestamp} for events, on the last-seen time for clients;</li>
 *   <li>paging: {@code limit} (default 100, at most 1000), {@code page} (from 1);</li>
 *   <li>{@code mac} in any notation, normalized to 12 lower-case hex digits;</li>
 *   <li>equality filters, by parameter name (see {@link Target}); {@code nacrule_matched} is true or false;</li>
 *   <li>counts: {@code distinct} (a filter name; default {@code type}).</li>
 * </ul>
 * Other parameters of the contract are refused with 400 rather than ignored, so a search never silently returns more
 * than asked for.
 */
public record NacSearchQuery(TimeWindow window, Map<String, Object> filters, int limit, int page, String distinct,
                             String distinctColumn) {

    /** Which table a query runs on, and its parameter names and columns. */
    public enum Target {
        EVENTS(filterMap("type", "type", "mac", "mac", "username", "username", "auth_type", "auth_type",
                "port_type", "port_type", "nas_ip", "nas_ip", "nas_vendor", "nas_vendor", "ssid", "ssid",
                "site_id", "site_id", "vlan", "vlan", "nacrule_id", "nacrule_id", "nacrule_matched", "nacrule_matched",
                "role", "role", "reason", "reason")),
        CLIENTS(filterMap("mac", "mac", "username", "username", "last_username", "username", "status", "status",
                "last_status", "status", "type", "port_type", "auth_type", "auth_type", "nas_ip", "nas_ip",
                "nas_vendor", "nas_vendor", "last_nas_vendor", "nas_vendor", "ssid", "ssid", "last_ssid", "ssid",
                "site_id", "site_id", "vlan", "vlan", "last_vlan_id", "vlan", "nacrule_id", "nacrule_id",
                "last_nacrule_id", "nacrule_id", "nacrule_name", "nacrule_name", "nacrule_matched", "nacrule_matched",
                "role", "role"));

        /** Parameter name to column. */
        final Map<String, String> filters;

        Target(Map<String, String> filters) {
            this.filters = filters;
        }

        public Set<String> filterNames() {
            return filters.keySet();
        }
    }

    static final Set<String> COMMON = Set.of("start", "end", "duration", "limit", "page");
    public static final String DEFAULT_DISTINCT = "type";

    /**
     * @param count whether the query is a count ({@code distinct} allowed)
     */
    public static NacSearchQuery parse(Target target, Map<String, List<String>> params, boolean count, Clock clock) {
        for (String name : params.keySet()) {
            if (!COMMON.contains(name) && !target.filters.containsKey(name) && !(count && name.equals("distinct"))) {
                Set<String> known = new TreeSet<>(COMMON);
                known.addAll(target.filters.keySet());
                if (count) {
                    known.add("distinct");
                }
                throw new InvalidRequestException("unsupported query parameter '" + name + "' (supported: " + known
                        + ")");
            }
        }
        Map<String, Object> filters = new LinkedHashMap<>();
        for (Map.Entry<String, String> f : target.filters.entrySet()) {
            String value = single(params, f.getKey());
            if (value == null) {
                continue;
            }
            Object v = value;
            if (f.getValue().equals("mac")) {
                v = MacAddress.parse(value).map(MacAddress::compact)
                        .orElseThrow(() -> new InvalidRequestException("invalid mac '" + value + "'"));
            } else if (f.getValue().equals("nacrule_matched")) {
                if (!value.equals("true") && !value.equals("false")) {
                    throw new InvalidRequestException(f.getKey() + " must be true or false");
                }
                v = Boolean.valueOf(value);
            }
            Object previous = filters.put(f.getValue(), v);
            if (previous != null && !previous.equals(v)) {
                throw new InvalidRequestException("conflicting filters on " + f.getValue());
            }
        }
        String distinct = null;
        String distinctColumn = null;
        if (count) {
            distinct = single(params, "distinct");
            distinct = distinct == null ? DEFAULT_DISTINCT : distinct;
            distinctColumn = target.filters.get(distinct);
            if (distinctColumn == null) {
                throw new InvalidRequestException("distinct must be one of " + new TreeSet<>(target.filters.keySet()));
            }
        }
        TimeWindow window = TimeWindow.parse(single(params, "start"), single(params, "end"), single(params, "duration"),
                clock);
        return new NacSearchQuery(window, filters, Paging.limit(single(params, "limit")),
                Paging.page(single(params, "page")), distinct, distinctColumn);
    }

    public NacSearchCriteria criteria(String orgId) {
        return new NacSearchCriteria(orgId, window.fromMillis(), window.toMillis(), filters);
    }

    public long offset() {
        return (long) (page - 1) * limit;
    }

    private static String single(Map<String, List<String>> params, String name) {
        List<String> values = params.get(name);
        if (values == null || values.isEmpty()) {
            return null;
        }
        if (values.size() > 1) {
            throw new InvalidRequestException("query parameter '" + name + "' is given more than once");
        }
        String v = values.get(0);
        return v == null || v.isEmpty() ? null : v;
    }

    private static Map<String, String> filterMap(String... pairs) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put(pairs[i], pairs[i + 1]);
        }
        return java.util.Collections.unmodifiableMap(m);
    }
}
