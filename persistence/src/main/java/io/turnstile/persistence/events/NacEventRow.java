package io.turnstile.persistence.events;

/**
 * A row of {@code nac_event} (migration V5). {@code ts} is epoch milliseconds; {@code usermacLabels} and
 * {@code respAttrs} are JSON arrays of strings, {@code facts} a JSON object (all as text, may be null).
 */
public record NacEventRow(String id, String orgId, String siteId, long ts, String type, String mac, String username,
                          String authType, String portType, String nasIp, String nasVendor, String ssid, String vlan,
                          String vlanSource, String role, String nacruleId, String nacruleName, Boolean nacruleMatched,
                          String usermacLabels, String respAttrs, String reason, String facts) {
}
