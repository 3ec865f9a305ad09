package io.turnstile.events;

import io.turnstile.persistence.events.NacClientRow;
import io.turnstile.platform.JsonText;
import io.turnstile.persistence.events.NacEventRow;

import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * How events change the latest-state row of a client (contract: client_nac). Events are applied in time order; an
 * event older than the row's {@code last_seen} (a late batch, another node) only moves {@code first_seen} back.
 * <ul>
 *   <li>a decision event ({@code NAC_CLIENT_PERMIT}, {@code NAC_CLIENT_DENY}) replaces the decision fields (auth
 *       type, VLAN, role, SSID, rule, labels) with its own values (a permit without a VLAN clears the VLAN); site,
 *       port type, user name and NAS are kept when the event has none;</li>
 *   <li>other events (e.g. {@code NAC_SESSION_STARTED}) keep the state and fill in what they carry;</li>
 *   <li>the status follows {@link #statusOf}; an event with no status mapping leaves it.</li>
 * </ul>
 */
public final class NacClientMerge {

    public static final String PERMIT = "NAC_CLIENT_PERMIT";
    public static final String DENY = "NAC_CLIENT_DENY";
    public static final String SESSION_STARTED = "NAC_SESSION_STARTED";
    public static final String SESSION_ENDED = "NAC_SESSION_ENDED";

    private static final Map<String, String> STATUS = Map.of(PERMIT, "permitted", DENY, "denied",
            SESSION_STARTED, "session_started", SESSION_ENDED, "session_ended");

    /** client_nac's last_cert_* fields, named as the events' cert_* facts. */
    private static final List<String> CERT_FIELDS = List.of("cn", "subject", "issuer", "serial", "expiry");

    private NacClientMerge() {
    }

    /** The client status an event type sets (contract: nac_client_last_status), or null. */
    public static String statusOf(String eventType) {
        return STATUS.get(eventType);
    }

    /**
     * @param existing the stored row or null
     * @param events   events of this client (same org and MAC), any order
     */
    public static NacClientRow apply(NacClientRow existing, List<NacEventRow> events) {
        NacClientRow state = existing;
        List<NacEventRow> ordered = events.stream().sorted(Comparator.comparingLong(NacEventRow::ts)).toList();
        for (NacEventRow e : ordered) {
            state = apply(state, e);
        }
        return state;
    }

    static NacClientRow apply(NacClientRow s, NacEventRow e) {
        String status = statusOf(e.type());
        if (s == null) {
            return new NacClientRow(e.orgId(), e.mac(), e.siteId(), e.type(), status, e.authType(), e.portType(),
                    e.username(), e.vlan(), e.role(), e.nasIp(), e.nasVendor(), e.ssid(), e.nacruleId(),
                    e.nacruleName(), e.nacruleMatched(), e.usermacLabels(), e.ts(), e.ts(), lastCert(e));
        }
        if (e.ts() < s.lastSeen()) {
            return e.ts() < s.firstSeen() ? withFirstSeen(s, e.ts()) : s;
        }
        boolean decision = PERMIT.equals(e.type()) || DENY.equals(e.type());
        return new NacClientRow(s.orgId(), s.mac(),
                or(e.siteId(), s.siteId()),
                e.type(), status != null ? status : s.status(),
                decision ? e.authType() : or(e.authType(), s.authType()),
                or(e.portType(), s.portType()),
                or(e.username(), s.username()),
                decision ? e.vlan() : or(e.vlan(), s.vlan()),
                decision ? e.role() : or(e.role(), s.role()),
                or(e.nasIp(), s.nasIp()),
                or(e.nasVendor(), s.nasVendor()),
                decision ? e.ssid() : or(e.ssid(), s.ssid()),
                decision ? e.nacruleId() : or(e.nacruleId(), s.nacruleId()),
                decision ? e.nacruleName() : or(e.nacruleName(), s.nacruleName()),
                decision ? e.nacruleMatched() : or(e.nacruleMatched(), s.nacruleMatched()),
                decision ? e.usermacLabels() : or(e.usermacLabels(), s.usermacLabels()),
                Math.min(s.firstSeen(), e.ts()), e.ts(),
                decision ? lastCert(e) : or(lastCert(e), s.lastCert()));
    }

    private static NacClientRow withFirstSeen(NacClientRow s, long firstSeen) {
        return new NacClientRow(s.orgId(), s.mac(), s.siteId(), s.lastType(), s.status(), s.authType(), s.portType(),
                s.username(), s.vlan(), s.role(), s.nasIp(), s.nasVendor(), s.ssid(), s.nacruleId(), s.nacruleName(),
                s.nacruleMatched(), s.usermacLabels(), firstSeen, s.lastSeen(), s.lastCert());
    }

    /** The contract's last_cert_* fields from the certificate facts of the event, as a JSON object, or null. */
    static String lastCert(NacEventRow e) {
        if (e.facts() == null || !e.facts().contains("cert_")) {
            return null;
        }
        Map<String, Object> facts = JsonText.parseObject(e.facts());
        Map<String, Object> cert = new java.util.LinkedHashMap<>();
        for (String field : CERT_FIELDS) {
            Object value = facts.get("cert_" + field);
            if (value != null) {
                cert.put("last_cert_" + field, value);
            }
        }
        return cert.isEmpty() ? null : JsonText.write(cert);
    }

    private static <T> T or(T preferred, T fallback) {
        return preferred != null ? preferred : fallback;
    }
}
