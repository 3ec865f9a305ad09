package io.turnstile.accounting;

import io.turnstile.endpoints.MacAddress;
import io.turnstile.persistence.accounting.AcctSessionCriteria;
import io.turnstile.platform.InvalidRequestException;
import io.turnstile.platform.Paging;
import io.turnstile.platform.TimeWindow;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A session search (Turnstile extension {@code GET /orgs/{org_id}/accounting/sessions/search}) parsed from query
 * parameters: {@code mac} (any notation), {@code username}, {@code session_id} (Acct-Session-Id), {@code status}
 * ({@code active} or {@code stopped}), the window {@code start}/{@code end}/{@code duration} ({@link TimeWindow}),
 * {@code limit} (default 100, at most 1000) and {@code page} (from 1). Unknown parameters are refused.
 */
public record SessionQuery(TimeWindow window, String mac, String username, String sessionId, String status,
                           int limit, int page) {

    static final Set<String> PARAMETERS = Set.of("mac", "username", "session_id", "status", "start", "end", "duration",
            "limit", "page");

    public static SessionQuery parse(Map<String, List<String>> params, Clock clock) {
        for (String name : params.keySet()) {
            if (!PARAMETERS.contains(name)) {
                throw new InvalidRequestException("unknown query parameter '" + name + "' (known: "
                        + new java.util.TreeSet<>(PARAMETERS) + ")");
            }
        }
        String mac = single(params, "mac");
        if (mac != null) {
            String m = mac;
            mac = MacAddress.parse(m).map(MacAddress::compact)
                    .orElseThrow(() -> new InvalidRequestException("invalid mac '" + m + "'"));
        }
        String status = single(params, "status");
        if (status != null && !status.equals("active") && !status.equals("stopped")) {
            throw new InvalidRequestException("status must be active or stopped");
        }
        return new SessionQuery(TimeWindow.parse(single(params, "start"), single(params, "end"),
                single(params, "duration"), clock), mac, single(params, "username"), single(params, "session_id"),
                status, Paging.limit(single(params, "limit")), Paging.page(single(params, "page")));
    }

    public AcctSessionCriteria criteria(String orgId) {
        return new AcctSessionCriteria(orgId, window.fromMillis(), window.toMillis(), mac, username, sessionId, status);
    }

    public long offset() {
        return (long) (page - 1) * limit;
    }

    static String single(Map<String, List<String>> params, String name) {
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
}
