package io.turnstile.events;

import io.turnstile.persistence.events.NacEventStore;
import io.turnstile.platform.InvalidRequestException;
import io.turnstile.platform.MutableClock;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NacSearchQueryTest {

    private final MutableClock clock = new MutableClock(Instant.ofEpochSecond(1_700_000_000L));

    private NacSearchQuery events(Map<String, List<String>> params) {
        return NacSearchQuery.parse(NacSearchQuery.Target.EVENTS, params, false, clock);
    }

    @Test
    void buildsTheWhereClauseFromFilters() {
        NacSearchQuery q = events(Map.of("mac", List.of("AC-3E-B1-79-E5-35"), "type", List.of("NAC_CLIENT_DENY"),
                "duration", List.of("1h")));
        List<Object> params = new ArrayList<>();
        String where = NacEventStore.eventWhere(q.criteria("org-1"), params);
        assertTrue(where.startsWith("org_id = ? AND ts >= ? AND ts <= ?"), where);
        assertTrue(where.contains(" AND mac = ?") && where.contains(" AND type = ?"), where);
        assertEquals("org-1", params.get(0));
        assertEquals(1_700_000_000_000L - 3_600_000, params.get(1));
        assertEquals(1_700_000_000_000L, params.get(2));
        assertTrue(params.contains("ac3eb179e535"), params.toString());
        assertTrue(params.contains("NAC_CLIENT_DENY"));
        assertEquals(5, params.size());
    }

    @Test
    void defaultsAndLimits() {
        NacSearchQuery q = events(Map.of());
        assertEquals(100, q.limit());
        assertEquals(1, q.page());
        assertEquals(86_400_000, q.window().toMillis() - q.window().fromMillis());
        assertEquals(1000, events(Map.of("limit", List.of("100000"))).limit());
        assertEquals(200, events(Map.of("limit", List.of("100"), "page", List.of("3"))).offset());
        assertNull(q.distinct());
    }

    @Test
    void clientSearchMapsContractNamesToColumns() {
        NacSearchQuery q = NacSearchQuery.parse(NacSearchQuery.Target.CLIENTS, Map.of("type", List.of("wired"),
                "last_username", List.of("alice"), "status", List.of("permitted")), false, clock);
        assertEquals(Map.of("port_type", "wired", "username", "alice", "status", "permitted"), q.filters());
        List<Object> params = new ArrayList<>();
        String where = NacEventStore.clientWhere(q.criteria("o"), params);
        assertTrue(where.contains("last_seen >= ?") && where.contains("port_type = ?"), where);
    }

    @Test
    void countsTakeDistinct() {
        NacSearchQuery q = NacSearchQuery.parse(NacSearchQuery.Target.CLIENTS, Map.of(), true, clock);
        assertEquals("type", q.distinct());
        assertEquals("port_type", q.distinctColumn());
        NacSearchQuery byMac = NacSearchQuery.parse(NacSearchQuery.Target.EVENTS, Map.of("distinct", List.of("mac")),
                true, clock);
        assertEquals("mac", byMac.distinctColumn());
        assertThrows(InvalidRequestException.class, () -> NacSearchQuery.parse(NacSearchQuery.Target.EVENTS,
                Map.of("distinct", List.of("ap")), true, clock));
        assertThrows(InvalidRequestException.class, () -> events(Map.of("distinct", List.of("type"))),
                "distinct only on counts");
    }

    @Test
    void refusesWhatItCannotHonour() {
        assertThrows(InvalidRequestException.class, () -> events(Map.of("mac", List.of("zz:zz"))));
        assertThrows(InvalidRequestException.class, () -> events(Map.of("ap", List.of("5c5b35513227"))));
        assertThrows(InvalidRequestException.class, () -> events(Map.of("nacrule_matched", List.of("yes"))));
        assertThrows(InvalidRequestException.class, () -> events(Map.of("duration", List.of("1y"))));
        assertThrows(InvalidRequestException.class, () -> NacSearchQuery.parse(NacSearchQuery.Target.CLIENTS,
                Map.of("username", List.of("a"), "last_username", List.of("b")), false, clock));
        assertEquals(Boolean.TRUE, events(Map.of("nacrule_matched", List.of("true"))).filters().get("nacrule_matched"));
    }
}
