package io.turnstile.api.events;

import io.turnstile.events.NacClientState;
import io.turnstile.events.NacCountResults;
import io.turnstile.events.NacEvent;
import io.turnstile.events.NacSearchResults;
import io.turnstile.platform.EpochSeconds;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * NAC events and clients in the contract's shapes (event_nac_client, client_nac, response_events_nac_client_search,
 * response_client_nac_search, response_count).
 *
 * <p>Turnstile extensions, written only when known: on events {@code nas_ip}, {@code role}, {@code nacrule_name},
 * {@code reason}; on clients {@code role}, {@code first_seen}, {@code last_event_type}. An event's facts are merged as
 * top-level fields (never replacing a field above). A client's list fields ({@code username}, {@code vlan},
 * {@code ssid}, {@code nas_vendor}, {@code nacrule_id}, {@code nacrule_name}) hold the latest value only, since only
 * the latest state is kept per client.
 */
public final class NacEventJson {

    private NacEventJson() {
    }

    public static Map<String, Object> event(NacEvent e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("timestamp", EpochSeconds.of(e.timestamp()));
        m.put("type", e.type());
        m.put("org_id", e.orgId());
        m.put("site_id", e.siteId());
        m.put("mac", e.mac());
        m.put("username", e.username());
        m.put("auth_type", e.authType());
        m.put("port_type", e.portType());
        m.put("nas_ip", e.nasIp());
        m.put("nas_vendor", e.nasVendor());
        m.put("ssid", e.ssid());
        m.put("vlan", e.vlan());
        m.put("vlan_source", e.vlanSource());
        m.put("role", e.role());
        m.put("nacrule_id", e.nacruleId());
        m.put("nacrule_name", e.nacruleName());
        m.put("nacrule_matched", e.nacruleMatched());
        if (!e.usermacLabels().isEmpty()) {
            m.put("usermac_label", e.usermacLabels());
        }
        if (!e.respAttrs().isEmpty()) {
            m.put("resp_attrs", e.respAttrs());
        }
        m.put("reason", e.reason());
        e.facts().forEach((k, v) -> {
            if (m.get(k) == null) {
                m.put(k, v);
            }
        });
        return m;
    }

    public static Map<String, Object> client(NacClientState c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("mac", c.mac());
        m.put("org_id", c.orgId());
        m.put("site_id", c.siteId());
        m.put("type", c.portType());
        m.put("auth_type", c.authType());
        m.put("last_status", c.status());
        m.put("last_username", c.username());
        m.put("username", listOf(c.username()));
        m.put("last_vlan", vlanNumber(c.vlan()));
        m.put("vlan", listOf(c.vlan()));
        m.put("last_ssid", c.ssid());
        m.put("ssid", listOf(c.ssid()));
        m.put("last_nas_vendor", c.nasVendor());
        m.put("nas_vendor", listOf(c.nasVendor()));
        m.put("nas_ip", c.nasIp());
        m.put("last_nacrule_id", c.nacruleId());
        m.put("nacrule_id", listOf(c.nacruleId()));
        m.put("last_nacrule_name", c.nacruleName());
        m.put("nacrule_name", listOf(c.nacruleName()));
        m.put("nacrule_matched", c.nacruleMatched());
        if (!c.usermacLabels().isEmpty()) {
            m.put("usermac_label", c.usermacLabels());
        }
        m.put("role", c.role());
        m.putAll(c.lastCert());
        if (c.lastCert().get("last_cert_cn") != null) {
            m.put("cert_cn", listOf(String.valueOf(c.lastCert().get("last_cert_cn"))));
        }
        m.put("last_event_type", c.lastType());
        m.put("first_seen", EpochSeconds.of(c.firstSeen()));
        m.put("timestamp", EpochSeconds.of(c.lastSeen()));
        return m;
    }

    /** {@code {"start", "end", "limit", "total", "results"}}. */
    public static <T> Map<String, Object> search(NacSearchResults<T> r, Function<T, Map<String, Object>> item) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("start", r.window().startSeconds());
        m.put("end", r.window().endSeconds());
        m.put("limit", r.limit());
        m.put("total", r.total());
        m.put("results", r.results().stream().map(item).toList());
        return m;
    }

    /** {@code {"distinct", "start", "end", "limit", "total", "results": [{"<distinct>": value, "count": n}]}}. */
    public static Map<String, Object> count(NacCountResults r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("distinct", r.distinct());
        m.put("start", r.window().startSeconds());
        m.put("end", r.window().endSeconds());
        m.put("limit", r.limit());
        m.put("total", r.total());
        m.put("results", r.results().stream().map(b -> {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put(r.distinct(), b.value());
            x.put("count", b.count());
            return x;
        }).toList());
        return m;
    }

    private static List<String> listOf(String value) {
        return value == null ? null : List.of(value);
    }

    /** The contract's last_vlan is an integer; a named VLAN stays a string. */
    static Object vlanNumber(String vlan) {
        if (vlan == null) {
            return null;
        }
        if (!vlan.isEmpty() && vlan.length() <= 9 && vlan.chars().allMatch(ch -> ch >= '0' && ch <= '9')) {
            return Long.parseLong(vlan);
        }
        return vlan;
    }
}
