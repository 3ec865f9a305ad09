package io.turnstile.admin;

import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Token buckets by key (a source address, an email): each key may spend {@code burst} attempts at once and then
 * {@code perMinute} a minute. A local login costs a PBKDF2 hash (about 0.75 s of CPU), so the bucket is checked
 * before any hashing and an unauthenticated client cannot buy CPU faster than the rate (OWASP Authentication Cheat
 * Sheet, "Login Throttling"). Bounded: past {@code maxKeys} the least recently used bucket is forgotten (a forgotten
 * bucket is a full one, so only a key idle for long loses its debt). Time comes from the injected {@link Clock}.
 */
public final class LoginRateLimit {

    /** One token in bucket units: a minute's worth of milliseconds, so that refill is exact integer arithmetic. */
    private static final long TOKEN = 60_000;

    /** {@code tokens} in units of 1/{@link #TOKEN}; each elapsed millisecond adds {@code perMinute} units. */
    private static final class Bucket {
        long tokens;
        long lastMillis;

        Bucket(long tokens, long lastMillis) {
            this.tokens = tokens;
            this.lastMillis = lastMillis;
        }
    }

    private final Clock clock;
    private final long perMinute;
    private final long capacity;
    private final Map<String, Bucket> buckets;

    public LoginRateLimit(Clock clock, int perMinute, int burst, int maxKeys) {
        if (perMinute < 1 || burst < 1 || maxKeys < 1) {
            throw new IllegalArgumentException("rate, burst and key bound must be positive");
        }
        this.clock = clock;
        this.perMinute = perMinute;
        this.capacity = burst * TOKEN;
        this.buckets = new LinkedHashMap<>(256, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Bucket> eldest) {
                return size() > maxKeys;
            }
        };
    }

    /**
     * Spends one attempt of every key if each has one; otherwise spends nothing and answers how long until all have
     * one again (at least a second, so a {@code Retry-After} is never 0).
     */
    public synchronized Duration tryAcquire(List<String> keys) {
        long now = clock.millis();
        long waitMillis = 0;
        for (String key : keys) {
            Bucket b = refilled(key, now);
            if (b.tokens < TOKEN) {
                waitMillis = Math.max(waitMillis, (TOKEN - b.tokens + perMinute - 1) / perMinute);
            }
        }
        if (waitMillis > 0) {
            return Duration.ofSeconds(Math.max(1, (waitMillis + 999) / 1000));
        }
        for (String key : keys) {
            buckets.get(key).tokens -= TOKEN;
        }
        return Duration.ZERO;
    }

    private Bucket refilled(String key, long now) {
        Bucket b = buckets.computeIfAbsent(key, k -> new Bucket(capacity, now));
        if (now > b.lastMillis) {
            long elapsed = Math.min(now - b.lastMillis, capacity);   // capped: no overflow after a long idle time
            b.tokens = Math.min(capacity, b.tokens + elapsed * perMinute);
            b.lastMillis = now;
        }
        return b;
    }
}
