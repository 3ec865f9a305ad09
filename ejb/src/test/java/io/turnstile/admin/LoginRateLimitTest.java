package io.turnstile.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;

class LoginRateLimitTest {

    static final class MutableClock extends Clock {
        Instant now = Instant.parse("2026-03-01T10:00:00Z");
        @Override public ZoneId getZone() { return ZoneOffset.UTC; }
        @Override public Clock withZone(ZoneId zone) { return this; }
        @Override public Instant instant() { return now; }
    }

    final MutableClock clock = new MutableClock();

    @Test
    void aBurstThenOneAttemptPerRefillPeriod() {
        LoginRateLimit limit = new LoginRateLimit(clock, 10, 5, 100);   // one token per 6 s
        for (int i = 0; i < 5; i++) {
            assertEquals(Duration.ZERO, limit.tryAcquire(List.of("192.0.2.1")), "burst attempt " + i);
        }
        assertEquals(Duration.ofSeconds(6), limit.tryAcquire(List.of("192.0.2.1")));
        assertEquals(Duration.ZERO, limit.tryAcquire(List.of("192.0.2.2")), "another address has its own bucket");
        clock.now = clock.now.plusSeconds(4);
        assertEquals(Duration.ofSeconds(2), limit.tryAcquire(List.of("192.0.2.1")), "refused attempts cost nothing");
        clock.now = clock.now.plusSeconds(2);
        assertEquals(Duration.ZERO, limit.tryAcquire(List.of("192.0.2.1")));
        assertEquals(Duration.ofSeconds(6), limit.tryAcquire(List.of("192.0.2.1")));
        clock.now = clock.now.plus(Duration.ofHours(1));
        for (int i = 0; i < 5; i++) {
            assertEquals(Duration.ZERO, limit.tryAcquire(List.of("192.0.2.1")), "refilled to the burst, no more");
        }
        assertTrue(limit.tryAcquire(List.of("192.0.2.1")).toSeconds() > 0);
    }

    @Test
    void severalKeysAreSpentTogetherOrNotAtAll() {
        LoginRateLimit limit = new LoginRateLimit(clock, 60, 1, 100);
        assertEquals(Duration.ZERO, limit.tryAcquire(List.of("a")));
        assertEquals(Duration.ofSeconds(1), limit.tryAcquire(List.of("a", "b")));
        assertEquals(Duration.ZERO, limit.tryAcquire(List.of("b")), "b was not spent by the refused pair");
    }

    @Test
    void theLeastRecentlyUsedKeyIsForgottenPastTheBound() {
        LoginRateLimit limit = new LoginRateLimit(clock, 1, 1, 2);
        limit.tryAcquire(List.of("a"));
        limit.tryAcquire(List.of("b"));
        assertTrue(limit.tryAcquire(List.of("a")).toSeconds() > 0, "a is spent (and now recently used)");
        limit.tryAcquire(List.of("c"));   // evicts b
        assertTrue(limit.tryAcquire(List.of("a")).toSeconds() > 0, "a kept its debt");
        assertEquals(Duration.ZERO, limit.tryAcquire(List.of("b")), "b forgotten = full");
    }

    @Test
    void theThrottleLimitsPerAddressAndPerEmailWithRetryAfter() {
        LoginThrottleBean throttle = new LoginThrottleBean();
        throttle.clock = clock;
        throttle.ipPerMinute = 10;
        throttle.ipBurst = 5;
        throttle.emailPerMinute = 10;
        throttle.emailBurst = 2;
        throttle.init();
        throttle.admit("198.51.100.1", "Admin@Example.com");
        throttle.admit("198.51.100.2", "admin@example.com");
        LoginThrottledException e = assertThrows(LoginThrottledException.class,
                () -> throttle.admit("198.51.100.3", "admin@example.com "), "per email, whatever the address");
        assertEquals(6, e.retryAfterSeconds());
        for (int i = 0; i < 4; i++) {
            throttle.admit("198.51.100.1", "user" + i + "@example.com");
        }
        assertThrows(LoginThrottledException.class, () -> throttle.admit("198.51.100.1", "other@example.com"),
                "per address, whatever the email");
        clock.now = clock.now.plusSeconds(6);
        throttle.admit("198.51.100.1", "admin@example.com");
    }
}
