package io.turnstile.sso;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.function.BiFunction;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.turnstile.platform.TestDatabase;
import io.turnstile.sso.AssertionReplayCheck.Use;

/**
 * The replay check and the pending AuthnRequests, each scenario on both stores: the database one the server uses
 * (Flyway V17 on H2, or PostgreSQL with {@code -Dturnstile.test.jdbc.url}) and the in-memory one; then two "nodes"
 * sharing one database.
 */
class AssertionReplayCacheTest {

    /** A clock the test moves. */
    static final class MutableClock extends Clock {
        Instant now = Instant.parse("2026-03-01T10:00:00Z");
        @Override public ZoneId getZone() { return ZoneOffset.UTC; }
        @Override public Clock withZone(ZoneId zone) { return this; }
        @Override public Instant instant() { return now; }
    }

    final MutableClock clock = new MutableClock();
    TestDatabase db;

    @AfterEach
    void dropDatabase() throws SQLException {
        if (db != null) {
            db.close();
        }
    }

    DataSource dataSource() {
        if (db == null) {
            db = new TestDatabase();
        }
        TestDatabase d = db;
        return (DataSource) java.lang.reflect.Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {DataSource.class}, (proxy, method, args) -> {
                    if (method.getName().equals("getConnection")) {
                        Connection c = DriverManager.getConnection(d.url, d.user, d.password);
                        c.setAutoCommit(true);
                        return c;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }

    /** A replay check bounded to {@code max} ids, of the kind named. */
    AssertionReplayCheck replayCheck(String kind, int max) {
        return kind.equals("database")
                ? new DatabaseSamlState(dataSource(), clock, new SecureRandom(), Duration.ofMinutes(5), max, 10)
                : new AssertionReplayCache(clock, max);
    }

    AuthnRequestTracker tracker(String kind, Duration ttl, int max) {
        return kind.equals("database")
                ? new DatabaseSamlState(dataSource(), clock, new SecureRandom(), ttl, 10, max)
                : new PendingAuthnRequests(clock, new SecureRandom(), ttl, max);
    }

    @ParameterizedTest
    @ValueSource(strings = {"database", "memory"})
    void anIdIsAcceptedOnceUntilItExpires(String kind) {
        AssertionReplayCheck cache = replayCheck(kind, 10);
        Instant expires = clock.now.plusSeconds(300);
        assertEquals(Use.FIRST, cache.firstUse("_a", expires));
        assertEquals(Use.REPLAYED, cache.firstUse("_a", expires));
        clock.now = expires.minusSeconds(1);
        assertEquals(Use.REPLAYED, cache.firstUse("_a", expires));
        clock.now = expires.plusSeconds(1);
        assertEquals(Use.FIRST, cache.firstUse("_b", clock.now.plusSeconds(60)), "purges the expired id first");
    }

    @ParameterizedTest
    @ValueSource(strings = {"database", "memory"})
    void fullOfUnexpiredIdsItRefusesInsteadOfForgetting(String kind) {
        AssertionReplayCheck cache = replayCheck(kind, 2);
        assertEquals(Use.FIRST, cache.firstUse("_a", clock.now.plusSeconds(60)));
        assertEquals(Use.FIRST, cache.firstUse("_b", clock.now.plusSeconds(600)));
        assertEquals(Use.FULL, cache.firstUse("_c", clock.now.plusSeconds(60)));
        assertEquals(Use.REPLAYED, cache.firstUse("_a", clock.now.plusSeconds(60)));
        clock.now = clock.now.plus(Duration.ofSeconds(61));
        assertEquals(Use.FIRST, cache.firstUse("_c", clock.now.plusSeconds(60)));
        assertEquals(Use.REPLAYED, cache.firstUse("_b", clock.now.plusSeconds(60)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"database", "memory"})
    void pendingAuthnRequestsAreUsedOnceAndExpire(String kind) {
        AuthnRequestTracker pending = tracker(kind, Duration.ofMinutes(5), 2);
        String a = pending.issue("d1");
        assertTrue(a.matches("_[0-9a-f]{40}"), a);
        assertTrue(pending.consume("d1", a));
        assertFalse(pending.consume("d1", a));
        String b = pending.issue("d1");
        assertFalse(pending.consume("d2", b), "another SSO's request");
        clock.now = clock.now.plus(Duration.ofMinutes(6));
        assertFalse(pending.consume("d1", b), "expired");
        String c1 = pending.issue("d1");
        clock.now = clock.now.plusSeconds(1);
        String c2 = pending.issue("d1");
        clock.now = clock.now.plusSeconds(1);
        pending.issue("d1");   // bounded: the oldest is dropped
        assertFalse(pending.consume("d1", c1));
        assertTrue(pending.consume("d1", c2));
    }

    @Test
    void twoNodesOnOneDatabaseShareTheReplayCheckAndThePendingRequests() {
        BiFunction<Integer, Integer, DatabaseSamlState> node = (assertions, requests) -> new DatabaseSamlState(
                dataSource(), clock, new SecureRandom(), Duration.ofMinutes(15), assertions, requests);
        DatabaseSamlState first = node.apply(100, 100);
        DatabaseSamlState second = node.apply(100, 100);
        Instant expires = clock.now.plusSeconds(300);
        assertEquals(Use.FIRST, first.firstUse("_assertion", expires));
        assertEquals(Use.REPLAYED, second.firstUse("_assertion", expires), "a replay to another node is refused");

        String request = first.issue("dom1");
        assertTrue(second.consume("dom1", request), "the response may arrive at another node");
        assertFalse(first.consume("dom1", request), "and is then used on every node");
    }

    @Test
    void aVeryLongSignedIdIsKeptAsItsDigest() {
        AssertionReplayCheck cache = replayCheck("database", 10);
        String longId = "_" + "x".repeat(1000);
        assertEquals(Use.FIRST, cache.firstUse(longId, clock.now.plusSeconds(60)));
        assertEquals(Use.REPLAYED, cache.firstUse(longId, clock.now.plusSeconds(60)));
        assertEquals(Use.FIRST, cache.firstUse(longId + "y", clock.now.plusSeconds(60)));
    }
}
