package io.turnstile.events;

import io.turnstile.persistence.events.NacClientRow;
import io.turnstile.persistence.events.NacEventRow;
import io.turnstile.persistence.events.NacEventStore;
import io.turnstile.persistence.events.NacSearchCriteria;
import io.turnstile.platform.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The event writer and the searches against the real schema (H2, PostgreSQL mode). */
class NacEventBatchWriterTest {

    private TestDatabase db;

    @BeforeEach
    void setUp() {
        db = new TestDatabase();
    }

    @AfterEach
    void tearDown() throws SQLException {
        db.close();
    }

    static NacEvent ev(String org, String type, String mac, long at, String vlan, String user) {
        return new NacEvent(null, org, null, Instant.ofEpochMilli(at), type, mac, user, "mab", "wired", "192.0.2.1",
                "juniper", null, vlan, "usermac", null, null, null, type.endsWith("PERMIT"), List.of("printer"),
                List.of("Tunnel-Private-Group-Id=" + vlan), null, Map.of("idp_role", List.of("x")));
    }

    private void write(List<NacEvent> events) throws SQLException {
        try (Connection c = db.connect()) {
            new NacEventBatchWriter(c, () -> UUID.randomUUID().toString()).write(events, 0);
            c.commit();
        }
    }

    private <T> T read(SqlFunction<NacEventStore, T> f) throws SQLException {
        try (Connection c = db.connect()) {
            return f.apply(new NacEventStore(c));
        }
    }

    interface SqlFunction<A, B> {
        B apply(A a) throws SQLException;
    }

    private static NacSearchCriteria crit(String org, long from, long to, Map<String, Object> eq) {
        return new NacSearchCriteria(org, from, to, eq);
    }

    @Test
    void aRedeliveredBatchIsStoredOnce() throws SQLException {
        List<NacEvent> batch = List.of(
                withId(ev("org", "NAC_CLIENT_PERMIT", "aa:bb:cc:00:09:01", 1000, "10", "u1"), "e-1"),
                withId(ev("org", "NAC_CLIENT_DENY", "aa:bb:cc:00:09:02", 1001, null, "u2"), "e-2"));
        write(batch);
        write(batch);
        assertEquals(2L, (long) read(s -> s.countEvents(crit("org", 0, 10_000, Map.of()))));
        assertEquals(2L, (long) read(s -> s.countClients(crit("org", 0, 10_000, Map.of()))));
    }

    @Test
    void theCappedCountStopsAtItsCapAndPagesStayNewestFirstWithAndWithoutAnIndexedFilter() throws SQLException {
        List<NacEvent> events = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            events.add(ev("org", i % 3 == 0 ? "NAC_CLIENT_DENY" : "NAC_CLIENT_PERMIT",
                    "aa:bb:cc:00:0a:" + String.format("%02x", i % 2), 1000 + i, "10", "u" + (i % 2)));
        }
        write(events);
        NacSearchCriteria all = crit("org", 0, 10_000, Map.of());
        assertEquals(11L, (long) read(s -> s.countEventsUpTo(all, 11)));
        assertEquals(30L, (long) read(s -> s.countEventsUpTo(all, 100)));
        assertEquals(10L, (long) read(s -> s.countEventsUpTo(crit("org", 0, 10_000,
                Map.of("type", "NAC_CLIENT_DENY")), 100)));
        List<Long> page = read(s -> s.searchEvents(all, 5, 5)).stream().map(NacEventRow::ts).toList();
        assertEquals(List.of(1024L, 1023L, 1022L, 1021L, 1020L), page);
        List<Long> byUser = read(s -> s.searchEvents(crit("org", 0, 10_000, Map.of("username", "u1")), 3, 0))
                .stream().map(NacEventRow::ts).toList();
        assertEquals(List.of(1029L, 1027L, 1025L), byUser);
    }

    private static NacEvent withId(NacEvent e, String id) {
        return new NacEvent(id, e.orgId(), e.siteId(), e.timestamp(), e.type(), e.mac(), e.username(), e.authType(),
                e.portType(), e.nasIp(), e.nasVendor(), e.ssid(), e.vlan(), e.vlanSource(), e.role(), e.nacruleId(),
                e.nacruleName(), e.nacruleMatched(), e.usermacLabels(), e.respAttrs(), e.reason(), e.facts());
    }

    /** The batched insert reports per row whether it inserted; a row already there is left alone (the writer merges it). */
    @Test
    void batchedClientInsertSkipsExistingRows() throws SQLException {
        write(List.of(ev("org", "NAC_CLIENT_PERMIT", "aa:bb:cc:00:0a:01", 1000, "10", "u1")));
        NacClientRow existing = read(s -> s.searchClients(crit("org", 0, 10_000, Map.of()), 10, 0)).get(0);
        NacClientRow fresh = new NacClientRow("org", "aabbcc000a02", null, "NAC_CLIENT_DENY", "denied", "mab", null,
                null, null, null, null, null, null, null, null, null, null, 2000, 2000, null);
        NacClientRow clash = new NacClientRow("org", existing.mac(), null, "NAC_CLIENT_DENY", "denied", "mab", null,
                null, null, null, null, null, null, null, null, null, null, 3000, 3000, null);
        boolean[] inserted;
        try (Connection c = db.connect()) {
            inserted = new NacEventStore(c).insertClientsIfAbsent(List.of(fresh, clash));
            c.commit();
        }
        assertArrayEquals(new boolean[]{true, false}, inserted);
        assertEquals("permitted", read(s -> s.searchClients(crit("org", 0, 10_000,
                Map.of("mac", existing.mac())), 10, 0)).get(0).status());
        assertEquals(2L, (long) read(s -> s.countClients(crit("org", 0, 10_000, Map.of()))));
    }

    @Test
    void writesEventsAndUpsertsClients() throws SQLException {
        List<NacEvent> batch = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            batch.add(ev("org", "NAC_CLIENT_PERMIT", String.format("aa:bb:cc:00:%02x:%02x", i / 256, i % 256),
                    1000 + i, "10", "user" + i));
        }
        write(batch);
        write(List.of(ev("org", "NAC_CLIENT_DENY", "aa:bb:cc:00:00:01", 5000, null, "user1"),
                ev("org", "NAC_CLIENT_PERMIT", "aa:bb:cc:00:00:01", 4000, "30", "user1"),
                ev("org", "NAC_CLIENT_PERMIT", "aabbcc000002", 10, "99", "user2")));
        assertEquals(503L, (long) read(s -> s.countEvents(crit("org", 0, 10_000, Map.of()))));
        assertEquals(500L, (long) read(s -> s.countClients(crit("org", 0, 10_000, Map.of()))));
        NacClientRow c1 = read(s -> s.searchClients(crit("org", 0, 10_000, Map.of("mac", "aabbcc000001")), 10, 0))
                .get(0);
        assertEquals("denied", c1.status());
        assertEquals(null, c1.vlan());
        assertEquals(1001, c1.firstSeen());
        assertEquals(5000, c1.lastSeen());
        NacClientRow c2 = read(s -> s.searchClients(crit("org", 0, 10_000, Map.of("mac", "aabbcc000002")), 10, 0))
                .get(0);
        assertEquals("10", c2.vlan(), "an older event does not overwrite newer state");
        assertEquals(10, c2.firstSeen());
    }

    @Test
    void searchesEventsByWindowAndFilters() throws SQLException {
        write(List.of(ev("org", "NAC_CLIENT_PERMIT", "aabbcc000001", 1000, "10", "alice"),
                ev("org", "NAC_CLIENT_DENY", "aabbcc000001", 2000, null, "alice"),
                ev("org", "NAC_CLIENT_PERMIT", "aabbcc000002", 3000, "10", "bob"),
                ev("other", "NAC_CLIENT_PERMIT", "aabbcc000001", 1500, "10", "alice")));
        List<NacEventRow> newestFirst = read(s -> s.searchEvents(crit("org", 0, 10_000, Map.of()), 10, 0));
        assertEquals(List.of(3000L, 2000L, 1000L), newestFirst.stream().map(NacEventRow::ts).toList());
        assertEquals(2L, (long) read(s -> s.countEvents(crit("org", 0, 10_000, Map.of("mac", "aabbcc000001")))));
        assertEquals(1L, (long) read(s -> s.countEvents(crit("org", 0, 10_000, Map.of("type", "NAC_CLIENT_DENY")))));
        assertEquals(2L, (long) read(s -> s.countEvents(crit("org", 1000, 2000, Map.of()))), "both ends included");
        assertEquals(1L, (long) read(s -> s.countEvents(crit("org", 0, 10_000, Map.of("nacrule_matched", false)))));
        assertEquals(1L, (long) read(s -> s.countEvents(crit("org", 0, 10_000, Map.of("username", "bob")))));
        assertEquals(List.of(2000L), read(s -> s.searchEvents(crit("org", 0, 10_000, Map.of()), 1, 1)).stream()
                .map(NacEventRow::ts).toList(), "second page of one");
        List<NacEventStore.Count> byType = read(s -> s.countEventsBy(crit("org", 0, 10_000, Map.of()), "type", 10));
        assertEquals("NAC_CLIENT_PERMIT", byType.get(0).value());
        assertEquals(2, byType.get(0).count());
        assertEquals(2L, (long) read(s -> s.distinctEvents(crit("org", 0, 10_000, Map.of()), "type")));
        assertEquals(2L, (long) read(s -> s.distinctClients(crit("org", 0, 10_000, Map.of()), "mac")));
        assertEquals(1L, (long) read(s -> s.countClientsBy(crit("org", 0, 10_000, Map.of()), "status", 10)).stream()
                .filter(c -> c.value().equals("permitted")).count());
    }

    @Test
    void refusesColumnsOutsideTheWhitelist() {
        assertThrows(IllegalArgumentException.class,
                () -> read(s -> s.countEvents(crit("org", 0, 1, Map.of("id; DROP TABLE nac_event", "x")))));
        assertThrows(IllegalArgumentException.class,
                () -> read(s -> s.countEventsBy(crit("org", 0, 1, Map.of()), "facts", 10)));
    }

    @Test
    void eventsWithoutMacAreStoredWithoutClient() throws SQLException {
        write(List.of(ev("org", "NAC_CLIENT_DENY", null, 1000, null, "x"),
                ev("org", "NAC_CLIENT_DENY", "garbage", 1000, null, "x")));
        assertEquals(2L, (long) read(s -> s.countEvents(crit("org", 0, 10_000, Map.of()))));
        assertEquals(0L, (long) read(s -> s.countClients(crit("org", 0, 10_000, Map.of()))));
        assertTrue(read(s -> s.searchEvents(crit("org", 0, 10_000, Map.of()), 10, 0)).stream()
                .anyMatch(r -> r.facts() != null && r.facts().contains("garbage")));
    }
}
