package io.turnstile.events;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The latest known state of a client (contract: client_nac), from the {@code nac_client} table.
 *
 * @param lastType  type of the client's latest event
 * @param status    permitted, denied, session_started, session_ended, or null
 * @param portType  wireless or wired (the contract's client {@code type})
 * @param lastCert  the contract's {@code last_cert_*} fields of the latest decision's certificate (may be empty)
 */
public record NacClientState(String orgId, String mac, String siteId, String lastType, String status,
                             String authType, String portType, String username, String vlan, String role,
                             String nasIp, String nasVendor, String ssid, String nacruleId, String nacruleName,
                             Boolean nacruleMatched, List<String> usermacLabels, Instant firstSeen,
                             Instant lastSeen, Map<String, Object> lastCert) {

    public NacClientState {
        usermacLabels = usermacLabels == null ? List.of() : List.copyOf(usermacLabels);
        lastCert = lastCert == null ? Map.of() : Map.copyOf(lastCert);
    }
}
