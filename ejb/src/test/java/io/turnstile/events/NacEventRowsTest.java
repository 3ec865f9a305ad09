package io.turnstile.events;

import io.turnstile.persistence.events.NacEventRow;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NacEventRowsTest {

    @Test
    void roundTripsAnEvent() {
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("idp_role", List.of("staff", "vip"));
        facts.put("cert_expiry", Instant.ofEpochMilli(1_700_000_000_500L));
        facts.put("random_mac", false);
        facts.put("weird", new Object() {
            @Override
            public String toString() {
                return "weird-value";
            }
        });
        NacEvent e = new NacEvent(null, "org", "site", Instant.ofEpochMilli(1_691_512_031_358L), "NAC_CLIENT_PERMIT",
                "AC:3E:B1:79:E5:35", "user@corp", "eap-tls", "wireless", "192.0.2.1", "juniper", "corp", "750",
                "nactag", "staff", "rule-1", "Wireless Cert Auth", true, List.of("bldg5", "printer"),
                List.of("Tunnel-Type=VLAN", "Tunnel-Private-Group-Id=750"), "matched rule", facts);
        NacEventRow row = NacEventRows.toRow(e, 0, () -> "generated").orElseThrow();
        assertEquals("generated", row.id());
        assertEquals("ac3eb179e535", row.mac());
        assertEquals(1_691_512_031_358L, row.ts());
        assertEquals("[\"bldg5\",\"printer\"]", row.usermacLabels());
        NacEvent back = NacEventRows.fromRow(row);
        assertEquals(List.of("bldg5", "printer"), back.usermacLabels());
        assertEquals(List.of("Tunnel-Type=VLAN", "Tunnel-Private-Group-Id=750"), back.respAttrs());
        assertEquals(List.of("staff", "vip"), back.facts().get("idp_role"));
        assertEquals(new BigDecimal("1700000000.500"), back.facts().get("cert_expiry"));
        assertEquals("weird-value", back.facts().get("weird"));
        assertEquals(Boolean.FALSE, back.facts().get("random_mac"));
        assertEquals(e.timestamp(), back.timestamp());
        assertEquals("Wireless Cert Auth", back.nacruleName());
    }

    @Test
    void isLenientWithValuesThatDoNotFit() {
        NacEvent e = new NacEvent("x".repeat(40), "org", null, null, "NAC_CLIENT_DENY", "not-a-mac", "u".repeat(400),
                null, null, null, null, null, null, null, null, null, null, null, null, null, null, null);
        NacEventRow row = NacEventRows.toRow(e, 42, () -> "generated").orElseThrow();
        assertEquals("generated", row.id(), "an id too long for the column is replaced");
        assertEquals(42, row.ts(), "no timestamp: now");
        assertNull(row.mac());
        assertTrue(row.facts().contains("\"mac_raw\":\"not-a-mac\""), row.facts());
        assertEquals(253, row.username().length());
        assertNull(row.usermacLabels());
    }

    @Test
    void eventsWithoutOrgOrTypeCannotBeStored() {
        NacEvent noOrg = new NacEvent(null, null, null, null, "T", null, null, null, null, null, null, null, null, null,
                null, null, null, null, null, null, null, null);
        NacEvent noType = new NacEvent(null, "org", null, null, " ", null, null, null, null, null, null, null, null,
                null, null, null, null, null, null, null, null, null);
        assertEquals(Optional.empty(), NacEventRows.toRow(noOrg, 0, () -> "id"));
        assertEquals(Optional.empty(), NacEventRows.toRow(noType, 0, () -> "id"));
    }

    @Test
    void clipKeepsSurrogatePairsWhole() {
        assertEquals("ab", NacEventRows.clip("ab\uD83D\uDE00", 3));
        assertEquals("ab\uD83D\uDE00", NacEventRows.clip("ab\uD83D\uDE00", 4));
    }
}
