package io.turnstile.events.jms;

import io.turnstile.events.NacEvent;
import io.turnstile.events.jms.NacEventBatchCodec.MalformedBatchException;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NacEventBatchCodecTest {

    private static NacEvent full(int i) {
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("idp_role", List.of("staff", "vip"));
        facts.put("cert_expiry", Instant.ofEpochMilli(1_700_000_000_500L));
        facts.put("random_mac", false);
        facts.put("count", 42);
        facts.put("nested", Map.of("a", List.of(1L, "x")));
        return new NacEvent("id-" + i, "org", "site", Instant.ofEpochMilli(1_691_512_031_358L + i),
                "NAC_CLIENT_PERMIT", "AC:3E:B1:79:E5:35", "user@corp \"quoted\" \u00e9\u2603\ud83d\ude00", "eap-tls",
                "wireless", "192.0.2.1", "juniper", "corp", "750", "nactag", "staff", "rule-1", "Wireless Cert Auth",
                true, List.of("bldg5", "printer"), List.of("Tunnel-Type=VLAN", "Tunnel-Private-Group-Id=750"),
                "matched\nrule", facts);
    }

    @Test
    void roundTripsAFullBatch() {
        List<NacEvent> batch = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            batch.add(full(i));
        }
        List<NacEvent> back = NacEventBatchCodec.decode(NacEventBatchCodec.encode(batch));
        assertEquals(500, back.size());
        NacEvent e = back.get(7);
        NacEvent original = batch.get(7);
        assertEquals(original.id(), e.id());
        assertEquals(original.timestamp(), e.timestamp());
        assertEquals(original.username(), e.username());
        assertEquals(original.reason(), e.reason());
        assertEquals(original.usermacLabels(), e.usermacLabels());
        assertEquals(original.respAttrs(), e.respAttrs());
        assertEquals(Boolean.TRUE, e.nacruleMatched());
        // facts arrive as the database writer would store them: Instants as epoch seconds
        assertEquals(new BigDecimal("1700000000.500"), e.facts().get("cert_expiry"));
        assertEquals(List.of("staff", "vip"), e.facts().get("idp_role"));
        assertEquals(42L, e.facts().get("count"));
        assertEquals(Map.of("a", List.of(1L, "x")), e.facts().get("nested"));
        // once in stored form, a batch round-trips exactly (record equality; facts maps compare by content)
        assertEquals(back, NacEventBatchCodec.decode(NacEventBatchCodec.encode(back)));
    }

    @Test
    void roundTripsASparseEvent() {
        NacEvent sparse = new NacEvent(null, "org", null, null, "NAC_CLIENT_DENY", null, null, null, null, null, null,
                null, null, null, null, null, null, null, null, null, null, null);
        String text = NacEventBatchCodec.encode(List.of(sparse));
        assertEquals("{\"v\":1,\"events\":[{\"org_id\":\"org\",\"type\":\"NAC_CLIENT_DENY\"}]}", text);
        assertEquals(List.of(sparse), NacEventBatchCodec.decode(text));
        assertEquals(List.of(), NacEventBatchCodec.decode(NacEventBatchCodec.encode(List.of())));
    }

    @Test
    void rejectsHostileBodies() {
        String deep = "[".repeat(100_000);
        List<String> bodies = List.of("", " ", "null", "[]", "42", "{", "{}", "{\"v\":2,\"events\":[]}",
                "{\"v\":\"1\",\"events\":[]}", "{\"v\":1}", "{\"v\":1,\"events\":{}}", "{\"v\":1,\"events\":[1]}",
                "{\"v\":1,\"events\":[{\"ts\":\"now\"}]}", "{\"v\":1,\"events\":[{\"ts\":1.5}]}",
                "{\"v\":1,\"events\":[{\"ts\":99999999999999999999}]}",
                "{\"v\":1,\"events\":[{\"ts\":9223372036854775807}]}",
                "{\"v\":1,\"events\":[{\"org_id\":7}]}", "{\"v\":1,\"events\":[{\"usermac_labels\":\"x\"}]}",
                "{\"v\":1,\"events\":[{\"resp_attrs\":[1]}]}", "{\"v\":1,\"events\":[{\"facts\":[]}]}",
                "{\"v\":1,\"events\":[{\"nacrule_matched\":\"yes\"}]}", "{\"v\":1,\"v\":1,\"events\":[]}",
                "{\"v\":1,\"events\":[]} trailing", "\u0000\u0001binary\uffff", "{\"v\":1,\"events\":[" + deep,
                "{\"v\":1,\"events\":[" + "{},".repeat(NacEventBatchCodec.MAX_EVENTS) + "{}]}");
        for (String body : bodies) {
            assertThrows(MalformedBatchException.class, () -> NacEventBatchCodec.decode(body),
                    () -> "accepted: " + body.substring(0, Math.min(80, body.length())));
        }
        assertThrows(MalformedBatchException.class, () -> NacEventBatchCodec.decode(null));
    }

    @Test
    void mdbTreatsANonTextMessageAsPoison() {
        jakarta.jms.Message bytes = (jakarta.jms.Message) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[]{jakarta.jms.BytesMessage.class}, (p, m, a) -> {
                    throw new UnsupportedOperationException(m.getName());
                });
        assertThrows(MalformedBatchException.class, () -> NacEventMdb.decode(bytes));
        assertThrows(MalformedBatchException.class, () -> NacEventMdb.decode(null));
        jakarta.jms.TextMessage garbage = (jakarta.jms.TextMessage) Proxy.newProxyInstance(
                getClass().getClassLoader(), new Class<?>[]{jakarta.jms.TextMessage.class}, (p, m, a) -> {
                    if (m.getName().equals("getText")) {
                        return "{\"v\":1,\"events\":[{\"ts\":\"x\"}]}";
                    }
                    throw new UnsupportedOperationException(m.getName());
                });
        MalformedBatchException e = assertThrows(MalformedBatchException.class, () -> NacEventMdb.decode(garbage));
        assertTrue(e.getMessage().contains("ts"));
    }
}
