package io.turnstile.api.events;

import io.turnstile.events.NacClientState;
import io.turnstile.events.NacCountResults;
import io.turnstile.events.NacEvent;
import io.turnstile.events.NacSearchResults;
import io.turnstile.platform.JsonText;
import io.turnstile.platform.TimeWindow;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class NacEventJsonTest {

    private static final TimeWindow WINDOW = new TimeWindow(1_512_572_151_000L, 1_513_176_951_900L);

    @Test
    void eventSearchHasTheContractShapeWithFactsMerged() {
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("idp_role", List.of("itsuperusers", "vip"));
        facts.put("type", "must not override");
        NacEvent e = new NacEvent("id", "org", "site", Instant.ofEpochMilli(1_691_512_031_358L), "NAC_CLIENT_PERMIT",
                "ac3eb179e535", "user@corp", "eap-ttls", null, null, "juniper-mist", "mist_nac", "750", null, null,
                "rule", null, true, List.of(), List.of("Tunnel-Type=VLAN"), null, facts);
        String json = JsonText.write(NacEventJson.search(new NacSearchResults<>(List.of(e), 1, 10, 1, WINDOW),
                NacEventJson::event));
        assertEquals("{\"start\":1512572151,\"end\":1513176951,\"limit\":10,\"total\":1,\"results\":[{"
                + "\"timestamp\":1691512031.358,\"type\":\"NAC_CLIENT_PERMIT\",\"org_id\":\"org\",\"site_id\":\"site\","
                + "\"mac\":\"ac3eb179e535\",\"username\":\"user@corp\",\"auth_type\":\"eap-ttls\","
                + "\"nas_vendor\":\"juniper-mist\",\"ssid\":\"mist_nac\",\"vlan\":\"750\",\"nacrule_id\":\"rule\","
                + "\"nacrule_matched\":true,\"resp_attrs\":[\"Tunnel-Type=VLAN\"],"
                + "\"idp_role\":[\"itsuperusers\",\"vip\"]}]}", json);
    }

    @Test
    void clientHasLastAndListFields() {
        NacClientState c = new NacClientState("org", "ac3eb179e535", null, "NAC_CLIENT_PERMIT", "permitted", "mab",
                "wired", "alice", "10", null, "192.0.2.1", "juniper", null, null, null, null, List.of("printer"),
                Instant.ofEpochSecond(100), Instant.ofEpochMilli(200_250), null);
        assertEquals("{\"mac\":\"ac3eb179e535\",\"org_id\":\"org\",\"type\":\"wired\",\"auth_type\":\"mab\","
                + "\"last_status\":\"permitted\",\"last_username\":\"alice\",\"username\":[\"alice\"],\"last_vlan\":10,"
                + "\"vlan\":[\"10\"],\"last_nas_vendor\":\"juniper\",\"nas_vendor\":[\"juniper\"],\"nas_ip\":\"192.0.2.1\","
                + "\"usermac_label\":[\"printer\"],\"last_event_type\":\"NAC_CLIENT_PERMIT\",\"first_seen\":100,"
                + "\"timestamp\":200.250}", JsonText.write(NacEventJson.client(c)));
        assertEquals("guests", NacEventJson.vlanNumber("guests"));
    }

    @Test
    void countHasTheContractShape() {
        NacCountResults r = new NacCountResults("type", List.of(new NacCountResults.Bucket("NAC_CLIENT_PERMIT", 2)), 1,
                100, WINDOW);
        assertEquals("{\"distinct\":\"type\",\"start\":1512572151,\"end\":1513176951,\"limit\":100,\"total\":1,"
                + "\"results\":[{\"type\":\"NAC_CLIENT_PERMIT\",\"count\":2}]}", JsonText.write(NacEventJson.count(r)));
    }
}
