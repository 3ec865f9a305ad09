package io.turnstile.radius.inbound;

import io.turnstile.radius.api.NasClient;

import java.net.InetAddress;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Caches the application's answer to "which RADIUS client is this source address?" for a short time-to-live, so a
 * client-table change applies within the TTL without a restart while the hot path stays free of endpoint calls.
 * Negative answers are cached too (a flood from an unknown address costs one lookup per TTL), within a bound.
 */
final class NasClientCache {

    private record Entry(Optional<NasClient> client, long expiresAt) {
    }

    private final ConcurrentHashMap<InetAddress, Entry> entries = new ConcurrentHashMap<>();
    private final Clock clock;
    private final long ttlMillis;
    private final int maxEntries;

    NasClientCache(Clock clock, long ttlMillis, int maxEntries) {
        this.clock = clock;
        this.ttlMillis = ttlMillis;
        this.maxEntries = maxEntries;
    }

    Optional<NasClient> resolve(InetAddress source, Function<InetAddress, Optional<NasClient>> lookup) {
        long now = clock.millis();
        Entry e = entries.get(source);
        if (e != null && e.expiresAt >= now) {
            return e.client;
        }
        Optional<NasClient> client = lookup.apply(source);
        if (entries.size() >= maxEntries) {
            entries.values().removeIf(x -> x.expiresAt < now);
        }
        if (entries.size() < maxEntries) {
            entries.put(source, new Entry(client, now + ttlMillis));
        }
        return client;
    }

    void clear() {
        entries.clear();
    }
}
