package io.turnstile.persistence.events;

/**
 * A row of {@code nac_client} (migration V5): the latest known state of one client (MAC) of an org. Times are epoch
 * milliseconds; {@code usermacLabels} is a JSON array of strings.
 * {@code lastCert} (migration V18) is a JSON object with the certificate of the latest decision, or null.
 *
 * @param lastType type of the latest event
 * @param status   permitted, denied, session_started or session_ended (contract: nac_client_last_status), or null
 */
public record NacClientRow(String orgId, String mac, String siteId, String lastType, String status, String authType,
                           String portType, String username, String vlan, String role, String nasIp, String nasVendor,
                           String ssid, String nacruleId, String nacruleName, Boolean nacruleMatched,
                           String usermacLabels, long firstSeen, long lastSeen, String lastCert) {
}
