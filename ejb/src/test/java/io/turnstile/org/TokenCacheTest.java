package io.turnstile.org;

import io.turnstile.platform.MutableClock;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TokenCacheTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
    private final Map<String, ApiPrincipal> db = new HashMap<>();
    private final AtomicInteger loads = new AtomicInteger();
    private final TokenCache cache = new TokenCache(clock, () -> {
        loads.incrementAndGet();
        return new HashMap<>(db);
    });

    private static ApiPrincipal principal(String id) {
        return new ApiPrincipal(id, "org-1", ApiRole.ADMIN, "token " + id);
    }

    @Test
    void knownKeysCostNoLoad() {
        db.put(TokenHasher.hash("key-a"), principal("a"));
        cache.reload();
        int before = loads.get();
        for (int i = 0; i < 100; i++) {
            assertEquals("a", cache.lookup(TokenHasher.hash("key-a")).orElseThrow().tokenId());
        }
        assertEquals(before, loads.get());
    }

    @Test
    void unknownKeysReloadAtMostEveryFewSeconds() {
        cache.reload();
        clock.advance(Duration.ofSeconds(10));
        int before = loads.get();
        for (int i = 0; i < 1000; i++) {
            assertTrue(cache.lookup("unknown-" + i).isEmpty());
        }
        assertEquals(before + 1, loads.get(), "a flood of bad keys costs one load");
        // a token created on another node works once the miss interval has passed
        db.put(TokenHasher.hash("key-b"), principal("b"));
        assertTrue(cache.lookup(TokenHasher.hash("key-b")).isEmpty());
        clock.advance(Duration.ofMillis(TokenCache.MISS_RELOAD_INTERVAL_MILLIS));
        assertEquals("b", cache.lookup(TokenHasher.hash("key-b")).orElseThrow().tokenId());
    }

    @Test
    void firstMissLoadsEvenBeforeAnyReload() {
        db.put(TokenHasher.hash("key-c"), principal("c"));
        assertEquals("c", cache.lookup(TokenHasher.hash("key-c")).orElseThrow().tokenId());
    }

    @Test
    void periodicReloadDropsDeletedTokens() {
        db.put(TokenHasher.hash("key-a"), principal("a"));
        cache.reload();
        db.clear();
        cache.reload();
        clock.advance(Duration.ofSeconds(1));
        assertTrue(cache.lookup(TokenHasher.hash("key-a")).isEmpty());
    }

    @Test
    void putAddsWithoutLoad() {
        cache.reload();
        int before = loads.get();
        cache.put("h", principal("x"));
        assertEquals("x", cache.lookup("h").orElseThrow().tokenId());
        assertEquals(before, loads.get());
    }

    @Test
    void lastUsedIsDueAtMostOnceAMinutePerToken() {
        cache.touch("a");
        cache.touch("a");
        cache.touch("b");
        Map<String, Long> due = cache.drainLastUsed();
        assertEquals(Map.of("a", clock.millis(), "b", clock.millis()), due);
        assertTrue(cache.drainLastUsed().isEmpty());
        clock.advance(Duration.ofSeconds(59));
        cache.touch("a");
        assertTrue(cache.drainLastUsed().isEmpty());
        clock.advance(Duration.ofSeconds(1));
        cache.touch("a");
        assertEquals(Map.of("a", clock.millis()), cache.drainLastUsed());
    }
}
