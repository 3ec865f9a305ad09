package io.turnstile.admin;

import io.turnstile.platform.MutableClock;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LoginBackoffTest {

    @Test
    void theFirstFailuresCostNothing() {
        for (int f = 0; f < LoginBackoff.FREE_FAILURES; f++) {
            assertEquals(0, LoginBackoff.lockMillis(f), "failures " + f);
        }
    }

    @Test
    void theLockDoublesPerFailureUpToACap() {
        assertEquals(30_000, LoginBackoff.lockMillis(5));
        assertEquals(60_000, LoginBackoff.lockMillis(6));
        assertEquals(120_000, LoginBackoff.lockMillis(7));
        assertEquals(LoginBackoff.MAX_LOCK_MILLIS, LoginBackoff.lockMillis(12));
        assertEquals(LoginBackoff.MAX_LOCK_MILLIS, LoginBackoff.lockMillis(Integer.MAX_VALUE));
    }

    @Test
    void aLockEndsByItself() {
        MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
        long lastFailure = clock.millis();
        clock.advance(Duration.ofSeconds(10));
        long until = LoginBackoff.lockedUntil(6, lastFailure, clock.millis());
        assertEquals(lastFailure + 60_000, until);
        clock.advance(Duration.ofSeconds(49));
        assertTrue(LoginBackoff.lockedUntil(6, lastFailure, clock.millis()) > 0, "still locked at 59 s");
        clock.advance(Duration.ofSeconds(1));
        assertEquals(0, LoginBackoff.lockedUntil(6, lastFailure, clock.millis()), "free again at 60 s");
        assertEquals(0, LoginBackoff.lockedUntil(4, lastFailure, lastFailure), "four failures lock nothing");
        assertEquals(0, LoginBackoff.lockedUntil(9, null, clock.millis()), "no failure time, no lock");
    }
}
