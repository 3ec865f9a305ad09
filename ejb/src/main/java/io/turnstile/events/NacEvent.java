package io.turnstile.events;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A NAC event in the contract's {@code event_nac_client} shape. {@code type} uses the Mist event names, e.g.
 * {@code NAC_CLIENT_PERMIT}, {@code NAC_CLIENT_DENY}. {@code facts} holds the extra facts the decision used (stored as
 * JSON, returned as top-level fields of the event).
 */
public record NacEvent(String id, String orgId, String siteId, Instant timestamp, String type, String mac,
                       String username, String authType, String portType, String nasIp, String nasVendor,
                       String ssid, String vlan, String vlanSource, String role, String nacruleId, String nacruleName,
                       Boolean nacruleMatched, List<String> usermacLabels, List<String> respAttrs, String reason,
                       Map<String, Object> facts) {

    public NacEvent {
        usermacLabels = usermacLabels == null ? List.of() : List.copyOf(usermacLabels);
        respAttrs = respAttrs == null ? List.of() : List.copyOf(respAttrs);
        facts = facts == null ? Map.of() : Map.copyOf(facts);
    }
}
