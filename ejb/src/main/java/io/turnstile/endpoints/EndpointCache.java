package io.turnstile.endpoints;

import java.time.Clock;
import java.time.Duration;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiFunction;

/**
 * Read-through cache of endpoint lookups by (org, mac), negative results included, for the RADIUS path.
 * <ul>
 *   <li><b>Invalidation per org by generation.</b> Each org has a generation counter; an entry remembers the
 *   generation current when its load <em>started</em> and counts only while that is still the org's generation.
 *   {@link #invalidateOrg} just increments the counter, so it is O(1), and a load that raced with a write (read the
 *   old row, then the write committed and invalidated) is never served: its entry carries the old generation.</li>
 *   <li><b>TTL.</b> An entry also expires {@code ttl} after its load started, so writes made on another cluster node
 *   (which fire no event here) show up within the TTL.</li>
 *   <li><b>Bound.</b> At {@code maxEntries}, one thread at a time sweeps out expired and superseded entries and, if
 *   that is not enough, arbitrary ones (hash order) down to 90% of the bound. Simpler than LRU and good enough: a
 *   hot entry evicted by mistake costs one database read.</li>
 * </ul>
 * Concurrent misses on the same key may each load; none blocks another (no lock held across a database read).
 */
final class EndpointCache {

    private record Key(String orgId, String mac) {
    }

    private record Entry(Optional<Endpoint> value, long generation, long expiresAt) {
    }

    private final Map<Key, Entry> entries = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> generations = new ConcurrentHashMap<>();
    private final AtomicBoolean sweeping = new AtomicBoolean();
    private final Clock clock;
    private final long ttlMillis;
    private final int maxEntries;

    EndpointCache(Clock clock, Duration ttl, int maxEntries) {
        if (maxEntries < 1 || ttl.isNegative()) {
            throw new IllegalArgumentException("maxEntries must be positive and ttl not negative");
        }
        this.clock = clock;
        this.ttlMillis = ttl.toMillis();
        this.maxEntries = maxEntries;
    }

    /**
     * The cached lookup of {@code mac} (compact form) in the org, or the loader's answer, which is then cached.
     * Exceptions of the loader propagate and nothing is cached.
     */
    Optional<Endpoint> get(String orgId, String mac, BiFunction<String, String, Optional<Endpoint>> loader) {
        Key key = new Key(orgId, mac);
        long generation = generation(orgId).get();
        long now = clock.millis();
        Entry entry = entries.get(key);
        if (entry != null && entry.generation == generation && now < entry.expiresAt) {
            return entry.value;
        }
        Optional<Endpoint> value = loader.apply(orgId, mac);
        if (entries.size() >= maxEntries) {
            sweep(now);
        }
        entries.put(key, new Entry(value, generation, now + ttlMillis));
        return value;
    }

    /** Forgets every lookup of the org, including loads in progress. */
    void invalidateOrg(String orgId) {
        generation(orgId).incrementAndGet();
    }

    int size() {
        return entries.size();
    }

    private AtomicLong generation(String orgId) {
        AtomicLong generation = generations.get(orgId);
        return generation != null ? generation : generations.computeIfAbsent(orgId, k -> new AtomicLong());
    }

    private void sweep(long now) {
        if (!sweeping.compareAndSet(false, true)) {
            return;
        }
        try {
            entries.entrySet().removeIf(e -> now >= e.getValue().expiresAt
                    || e.getValue().generation != generation(e.getKey().orgId).get());
            int target = maxEntries - Math.max(1, maxEntries / 10);
            Iterator<Key> keys = entries.keySet().iterator();
            while (entries.size() > target && keys.hasNext()) {
                keys.next();
                keys.remove();
            }
        } finally {
            sweeping.set(false);
        }
    }
}
