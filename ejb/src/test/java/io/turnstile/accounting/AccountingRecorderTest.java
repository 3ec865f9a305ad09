package io.turnstile.accounting;

import io.turnstile.persistence.accounting.AcctSessionCriteria;
import io.turnstile.persistence.accounting.AcctSessionRow;
import io.turnstile.persistence.accounting.AcctSessionStore;
import io.turnstile.platform.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static io.turnstile.accounting.AccountingMergeTest.T0;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The accounting path against the real schema (H2, PostgreSQL mode). */
class AccountingRecorderTest {

    private TestDatabase db;

    @BeforeEach
    void setUp() {
        db = new TestDatabase();
    }

    @AfterEach
    void tearDown() throws SQLException {
        db.close();
    }

    private void record(AccountingRecord r) throws SQLException {
        try (Connection c = db.connect()) {
            new AccountingRecorder(c, () -> UUID.randomUUID().toString()).record(r);
            c.commit();
        }
    }

    private static AccountingRecord rec(String nas, String session, int type, long at, Long sessionTime, Long in,
                                        String mac) {
        return new AccountingRecord("org", nas, null, type, session, null, mac, "alice", null, null, null, sessionTime,
                in, in, null, null, null, Instant.ofEpochMilli(at), Instant.ofEpochMilli(at + 5));
    }

    private List<AcctSessionRow> sessions(AcctSessionCriteria c) throws SQLException {
        try (Connection conn = db.connect()) {
            return new AcctSessionStore(conn).search(c, 100, 0);
        }
    }

    private static AcctSessionCriteria all() {
        return new AcctSessionCriteria("org", 0, Long.MAX_VALUE / 2, null, null, null, null);
    }

    private long count(String table) throws SQLException {
        try (Connection c = db.connect(); ResultSet rs = c.createStatement().executeQuery("SELECT COUNT(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void oneRowPerSessionAndEveryRecordKept() throws SQLException {
        record(rec("192.0.2.1", "S1", 1, T0, null, null, "AA-BB-CC-DD-EE-01"));
        record(rec("192.0.2.1", "S1", 3, T0 + 60_000, 60L, 100L, "AA-BB-CC-DD-EE-01"));
        record(rec("192.0.2.1", "S1", 3, T0 + 30_000, 30L, 50L, "AA-BB-CC-DD-EE-01"));
        record(rec("192.0.2.1", "S1", 2, T0 + 90_000, 90L, 150L, "AA-BB-CC-DD-EE-01"));
        record(rec("192.0.2.2", "S1", 3, T0 + 10_000, 10L, 7L, "aabbccddee02"));
        assertEquals(5, count("acct_record"));
        List<AcctSessionRow> rows = sessions(all());
        assertEquals(2, rows.size());
        AcctSessionRow s1 = rows.stream().filter(r -> r.nasIp().equals("192.0.2.1")).findFirst().orElseThrow();
        assertEquals("stopped", s1.status());
        assertEquals(150L, s1.inputOctets());
        assertEquals(90L, s1.sessionTime());
        assertEquals("aabbccddee01", s1.mac());
        assertEquals(T0, s1.startTime());
        assertEquals(T0 + 90_000, s1.stopTime());
    }

    @Test
    void accountingOnClosesTheNasActiveSessions() throws SQLException {
        record(rec("192.0.2.1", "A", 1, T0, null, null, null));
        record(rec("192.0.2.1", "B", 1, T0, null, null, null));
        record(rec("192.0.2.2", "C", 1, T0, null, null, null));
        record(rec("192.0.2.1", null, 7, T0 + 60_000, null, null, null));
        // a session started after the reboot is not closed by a late Accounting-On
        record(rec("192.0.2.1", "D", 1, T0 + 120_000, null, null, null));
        record(rec("192.0.2.1", null, 7, T0 + 60_000, null, null, null));
        List<AcctSessionRow> rows = sessions(all());
        for (AcctSessionRow r : rows) {
            switch (r.acctSessionId()) {
                case "A", "B" -> {
                    assertEquals("stopped", r.status());
                    assertEquals(AccountingMerge.CAUSE_NAS_REBOOT, r.terminateCause());
                    assertEquals(T0 + 60_000, r.stopTime());
                }
                case "C", "D" -> assertEquals("active", r.status(), r.acctSessionId());
                default -> throw new AssertionError(r);
            }
        }
        assertEquals(6, count("acct_record"));
    }

    @Test
    void searchFilters() throws SQLException {
        record(rec("192.0.2.1", "S1", 1, T0, null, null, "aabbccddee01"));
        record(rec("192.0.2.1", "S2", 2, T0 + 10_000, 10L, 1L, "aabbccddee02"));
        record(rec("192.0.2.1", "S3", 1, T0 + 3_600_000, null, null, "aabbccddee03"));
        assertEquals(List.of("S1"), ids(new AcctSessionCriteria("org", 0, T0 * 2, "aabbccddee01", null, null, null)));
        assertEquals(List.of("S2"), ids(new AcctSessionCriteria("org", 0, T0 * 2, null, null, null, "stopped")));
        assertEquals(List.of("S3", "S2", "S1"), ids(all()), "most recently updated first");
        // [T0+20s, T0+30min]: S1 (active, last heard of at T0) and S2 (stopped at T0+10s) ended before it, S3 starts
        // after it
        assertEquals(List.of(), ids(new AcctSessionCriteria("org", T0 + 20_000, T0 + 1_800_000, null, null, null,
                null)));
        assertEquals(List.of("S3"), ids(new AcctSessionCriteria("org", T0 + 20_000, T0 + 7_200_000, null, null, null,
                null)));
        assertEquals(List.of("S1"), ids(new AcctSessionCriteria("org", 0, T0 * 2, null, "alice", "S1", "active")));
        assertTrue(ids(new AcctSessionCriteria("other-org", 0, T0 * 2, null, null, null, null)).isEmpty());
        try (Connection c = db.connect()) {
            assertEquals(3, new AcctSessionStore(c).count(all()));
            assertEquals(1, new AcctSessionStore(c).search(all(), 1, 1).size());
        }
    }

    private List<String> ids(AcctSessionCriteria c) throws SQLException {
        return sessions(c).stream().map(AcctSessionRow::acctSessionId).toList();
    }
}
