package io.turnstile.radius.inbound;

import org.junit.jupiter.api.Test;

import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

class DuplicateCacheTest {

    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-01-01T00:00:00Z"));
    private final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now.get();
        }
    };
    private final InetSocketAddress nas = new InetSocketAddress("192.0.2.1", 1645);
    private final byte[] authenticator = new byte[16];

    @Test
    void sameSourceIdAndAuthenticatorIsADuplicateWithinTheWindow() {
        var cache = new DuplicateCache(clock, 5000, 100);
        assertNull(cache.begin(nas, 1, authenticator));
        assertSame(DuplicateCache.IN_PROGRESS, cache.begin(nas, 1, authenticator.clone()));
        byte[] reply = {2, 1, 0, 20};
        cache.complete(nas, 1, authenticator, reply);
        assertArrayEquals(reply, cache.begin(nas, 1, authenticator));
        // another port, another id or another authenticator is a new request (RFC 5080 §2.2.2)
        assertNull(cache.begin(new InetSocketAddress("192.0.2.1", 1646), 1, authenticator));
        assertNull(cache.begin(nas, 2, authenticator));
        byte[] other = authenticator.clone();
        other[0] = 1;
        assertNull(cache.begin(nas, 1, other));
    }

    @Test
    void afterTheWindowTheSameTupleIsANewRequest() {
        var cache = new DuplicateCache(clock, 5000, 100);
        assertNull(cache.begin(nas, 1, authenticator));
        cache.complete(nas, 1, authenticator, new byte[]{2});
        now.set(now.get().plus(Duration.ofSeconds(6)));
        assertNull(cache.begin(nas, 1, authenticator));
    }

    @Test
    void isBoundedUnderAFlood() {
        var cache = new DuplicateCache(clock, 5000, 10);
        for (int i = 0; i < 100; i++) {
            byte[] a = new byte[16];
            a[0] = (byte) i;
            cache.begin(nas, i & 0xff, a);
        }
        org.junit.jupiter.api.Assertions.assertEquals(10, cache.size());
    }

    @Test
    void abandonedRequestIsEvaluatedAgain() {
        var cache = new DuplicateCache(clock, 5000, 100);
        assertNull(cache.begin(nas, 1, authenticator));
        cache.abandon(nas, 1, authenticator);
        assertNull(cache.begin(nas, 1, authenticator));
    }
}
