package io.turnstile.sso;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import io.turnstile.sso.AssertionReplayCache.Use;

class AssertionReplayCacheTest {

    /** A clock the test moves. */
    static final class MutableClock extends Clock {
        Instant now = Instant.parse("2026-03-01T10:00:00Z");
        @Override public ZoneId getZone() { return ZoneOffset.UTC; }
        @Override public Clock withZone(ZoneId zone) { return this; }
        @Override public Instant instant() { return now; }
    }

    @Test
    void anIdIsAcceptedOnceUntilItExpires() {
        MutableClock clock = new MutableClock();
        AssertionReplayCache cache = new AssertionReplayCache(clock, 10);
        Instant expires = clock.now.plusSeconds(300);
        assertEquals(Use.FIRST, cache.firstUse("_a", expires));
        assertEquals(Use.REPLAYED, cache.firstUse("_a", expires));
        clock.now = expires.minusSeconds(1);
        assertEquals(Use.REPLAYED, cache.firstUse("_a", expires));
        clock.now = expires.plusSeconds(1);
        assertEquals(0, cache.size());
    }

    @Test
    void fullOfUnexpiredIdsItRefusesInsteadOfForgetting() {
        MutableClock clock = new MutableClock();
        AssertionReplayCache cache = new AssertionReplayCache(clock, 2);
        assertEquals(Use.FIRST, cache.firstUse("_a", clock.now.plusSeconds(60)));
        assertEquals(Use.FIRST, cache.firstUse("_b", clock.now.plusSeconds(600)));
        assertEquals(Use.FULL, cache.firstUse("_c", clock.now.plusSeconds(60)));
        assertEquals(Use.REPLAYED, cache.firstUse("_a", clock.now.plusSeconds(60)));
        clock.now = clock.now.plus(Duration.ofSeconds(61));
        assertEquals(Use.FIRST, cache.firstUse("_c", clock.now.plusSeconds(60)));
        assertEquals(Use.REPLAYED, cache.firstUse("_b", clock.now.plusSeconds(60)));
    }

    @Test
    void pendingAuthnRequestsAreUsedOnceAndExpire() {
        MutableClock clock = new MutableClock();
        PendingAuthnRequests pending = new PendingAuthnRequests(clock, new java.security.SecureRandom(), Duration.ofMinutes(5), 2);
        String a = pending.issue("d1");
        assertEquals(true, pending.consume("d1", a));
        assertEquals(false, pending.consume("d1", a));
        String b = pending.issue("d1");
        assertEquals(false, pending.consume("d2", b));
        clock.now = clock.now.plus(Duration.ofMinutes(6));
        assertEquals(false, pending.consume("d1", b));
        String c1 = pending.issue("d1");
        pending.issue("d1");
        pending.issue("d1");   // bounded: the oldest is dropped
        assertEquals(false, pending.consume("d1", c1));
    }
}
