package io.turnstile.accounting;

import io.turnstile.persistence.accounting.AcctSessionRow;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class AccountingMergeTest {

    static final long T0 = 1_700_000_000_000L;

    static AccountingRecord rec(int type, long at, Long sessionTime, Long in, Long out, String user, Integer cause) {
        return new AccountingRecord("org", "192.0.2.10", "ap-1", type, "S1", null, "aa:bb:cc:dd:ee:ff", user,
                "10.0.0.5", 7L, "ssid-x", sessionTime, in, out, in == null ? null : in / 100,
                out == null ? null : out / 100, cause, Instant.ofEpochMilli(at), Instant.ofEpochMilli(at));
    }

    static AcctSessionRow apply(AcctSessionRow s, AccountingRecord r) {
        return AccountingMerge.apply(s, r, "aabbccddeeff", r.eventTime().toEpochMilli(), "new-id");
    }

    @Test
    void startInterimStop() {
        AcctSessionRow s = apply(null, rec(1, T0, null, null, null, "alice", null));
        assertEquals("active", s.status());
        assertEquals(T0, s.startTime());
        assertEquals("new-id", s.id());
        assertEquals("aabbccddeeff", s.mac());
        s = apply(s, rec(3, T0 + 60_000, 60L, 1000L, 2000L, "alice", null));
        assertEquals("active", s.status());
        assertEquals(1000L, s.inputOctets());
        assertEquals(T0 + 60_000, s.lastUpdate());
        s = apply(s, rec(2, T0 + 120_000, 120L, 5000L, 6000L, "alice", 1));
        assertEquals("stopped", s.status());
        assertEquals(T0 + 120_000, s.stopTime());
        assertEquals(5000L, s.inputOctets());
        assertEquals(120L, s.sessionTime());
        assertEquals(1, s.terminateCause());
        assertEquals(T0, s.startTime());
        assertEquals("new-id", s.id());
    }

    @Test
    void stopWithoutStartCreatesAStoppedSession() {
        AcctSessionRow s = apply(null, rec(2, T0 + 300_000, 300L, 10L, 20L, "bob", 4));
        assertEquals("stopped", s.status());
        assertEquals(T0, s.startTime(), "derived from Acct-Session-Time");
        assertEquals(T0 + 300_000, s.stopTime());
        assertEquals(4, s.terminateCause());
    }

    @Test
    void interimWithoutStartCreatesAnActiveSession() {
        AcctSessionRow s = apply(null, rec(3, T0 + 60_000, null, 10L, 20L, "bob", null));
        assertEquals("active", s.status());
        assertNull(s.startTime(), "unknown without Acct-Session-Time");
        assertNull(s.stopTime());
    }

    @Test
    void countersNeverMoveBackwards() {
        AcctSessionRow s = apply(null, rec(3, T0 + 120_000, 120L, 5000L, 6000L, "alice", null));
        // a delayed older interim arrives after the newer one
        s = apply(s, rec(3, T0 + 60_000, 60L, 1000L, 2000L, "alice", null));
        assertEquals(5000L, s.inputOctets());
        assertEquals(6000L, s.outputOctets());
        assertEquals(50L, s.inputPackets());
        assertEquals(120L, s.sessionTime());
        assertEquals(T0 + 120_000, s.lastUpdate());
        // a record without counters keeps them
        s = apply(s, rec(3, T0 + 180_000, null, null, null, null, null));
        assertEquals(5000L, s.inputOctets());
        assertEquals("alice", s.username(), "a newer record without the field keeps it");
    }

    @Test
    void aStoppedSessionStaysStopped() {
        AcctSessionRow s = apply(null, rec(2, T0 + 120_000, 120L, 5000L, 6000L, "alice", 1));
        s = apply(s, rec(3, T0 + 60_000, 60L, 1000L, 2000L, "alice", null));
        assertEquals("stopped", s.status());
        s = apply(s, rec(1, T0, null, null, null, "alice", null));
        assertEquals("stopped", s.status());
        assertEquals(T0, s.startTime(), "the late Start gives the real start");
        assertEquals(T0 + 120_000, s.stopTime());
        assertEquals(1, s.terminateCause());
    }

    @Test
    void olderRecordsOnlyFillMissingFields() {
        AcctSessionRow s = apply(null, rec(3, T0 + 120_000, 120L, 1L, 1L, null, null));
        s = apply(s, rec(1, T0, null, null, null, "late-start-user", null));
        assertEquals("late-start-user", s.username());
        s = apply(s, rec(3, T0 + 60_000, 60L, 1L, 1L, "older-name", null));
        assertEquals("late-start-user", s.username());
        s = apply(s, rec(3, T0 + 180_000, 180L, 1L, 1L, "renamed", null));
        assertEquals("renamed", s.username());
    }

    @Test
    void closingCauses() {
        assertEquals(AccountingMerge.CAUSE_NAS_REBOOT, AccountingMerge.closingCause(rec(7, T0, null, null, null, null, null)));
        assertEquals(AccountingMerge.CAUSE_ADMIN_REBOOT, AccountingMerge.closingCause(rec(8, T0, null, null, null, null, null)));
        assertEquals(10, AccountingMerge.closingCause(rec(8, T0, null, null, null, null, 10)));
        assertThrows(IllegalArgumentException.class, () -> apply(null, rec(7, T0, null, null, null, null, null)));
    }
}
