package io.turnstile.api.accounting;

import io.turnstile.accounting.AcctSessionPage;
import io.turnstile.persistence.accounting.AcctSessionRow;
import io.turnstile.platform.EpochSeconds;

import java.util.LinkedHashMap;
import java.util.Map;

/** Accounting sessions as the Turnstile extension API writes them (see {@link AccountingResource}). */
public final class AcctSessionJson {

    private AcctSessionJson() {
    }

    public static Map<String, Object> session(AcctSessionRow s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", s.id());
        m.put("org_id", s.orgId());
        m.put("nas_ip", s.nasIp());
        m.put("nas_identifier", s.nasIdentifier());
        m.put("session_id", s.acctSessionId());
        m.put("multi_session_id", s.multiSessionId());
        m.put("mac", s.mac());
        m.put("username", s.username());
        m.put("framed_ip", s.framedIp());
        m.put("nas_port", s.nasPort());
        m.put("called_station_id", s.calledStationId());
        m.put("status", s.status());
        m.put("start_time", EpochSeconds.ofMillis(s.startTime()));
        m.put("stop_time", EpochSeconds.ofMillis(s.stopTime()));
        m.put("last_update", EpochSeconds.ofMillis(s.lastUpdate()));
        m.put("session_time", s.sessionTime());
        m.put("input_octets", s.inputOctets());
        m.put("output_octets", s.outputOctets());
        m.put("input_packets", s.inputPackets());
        m.put("output_packets", s.outputPackets());
        m.put("terminate_cause", s.terminateCause());
        return m;
    }

    public static Map<String, Object> page(AcctSessionPage p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("results", p.sessions().stream().map(AcctSessionJson::session).toList());
        m.put("total", p.total());
        m.put("limit", p.limit());
        m.put("page", p.page());
        m.put("start", p.window().startSeconds());
        m.put("end", p.window().endSeconds());
        return m;
    }
}
