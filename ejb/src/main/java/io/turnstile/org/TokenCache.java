package io.turnstile.org;

import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Every API token of every org, in memory, by key hash, so that authenticating a request costs no database read.
 * <ul>
 *   <li>The whole table is reloaded periodically (by the owner's timer, see {@link #reload()}) so that tokens added or
 *       deleted on another cluster node apply within that period, and tokens stored on this node are added at once
 *       ({@link #put}).</li>
 *   <li>An unknown key triggers a reload, but at most once per {@link #MISS_RELOAD_INTERVAL_MILLIS}: a token created
 *       on another node works within seconds, while a flood of invalid keys cannot turn into a flood of queries.</li>
 *   <li>{@link #touch} decides when a token's {@code last_used} is due to be written: at most once a minute per token.
 *       The owner writes the pending values asynchronously ({@link #drainLastUsed()}).</li>
 * </ul>
 * Thread-safe.
 */
public final class TokenCache {

    static final long MISS_RELOAD_INTERVAL_MILLIS = 5_000;
    static final long LAST_USED_INTERVAL_MILLIS = 60_000;

    private final Clock clock;
    private final Supplier<Map<String, ApiPrincipal>> loader;
    private volatile Map<String, ApiPrincipal> byHash = Map.of();
    private volatile long loadedAt = Long.MIN_VALUE / 2; // "long ago", without overflow in now - loadedAt
    private final Object reloadLock = new Object();
    private final Map<String, Long> lastRecorded = new ConcurrentHashMap<>();
    private final Map<String, Long> pendingLastUsed = new ConcurrentHashMap<>();

    /** @param loader every token, by key hash (a database read) */
    public TokenCache(Clock clock, Supplier<Map<String, ApiPrincipal>> loader) {
        this.clock = clock;
        this.loader = loader;
    }

    /** The principal of a key hash. A miss may reload the table (rate-limited). */
    public Optional<ApiPrincipal> lookup(String keyHash) {
        ApiPrincipal p = byHash.get(keyHash);
        if (p != null) {
            return Optional.of(p);
        }
        long seenLoad = loadedAt;
        if (clock.millis() - seenLoad < MISS_RELOAD_INTERVAL_MILLIS) {
            return Optional.empty();
        }
        synchronized (reloadLock) {
            if (loadedAt == seenLoad) {
                reload();
            }
        }
        return Optional.ofNullable(byHash.get(keyHash));
    }

    /** Replaces the table with a fresh read. */
    public void reload() {
        Map<String, ApiPrincipal> fresh = Map.copyOf(loader.get());
        synchronized (reloadLock) {
            byHash = fresh;
            loadedAt = clock.millis();
        }
    }

    public void put(String keyHash, ApiPrincipal principal) {
        synchronized (reloadLock) {
            Map<String, ApiPrincipal> copy = new HashMap<>(byHash);
            copy.put(keyHash, principal);
            byHash = Map.copyOf(copy);
        }
    }

    public int size() {
        return byHash.size();
    }

    /** Notes a use of the token; schedules a {@code last_used} write if none was scheduled in the last minute. */
    public void touch(String tokenId) {
        long now = clock.millis();
        Long last = lastRecorded.get(tokenId);
        if (last != null && now - last < LAST_USED_INTERVAL_MILLIS) {
            return;
        }
        if (last == null ? lastRecorded.putIfAbsent(tokenId, now) == null : lastRecorded.replace(tokenId, last, now)) {
            pendingLastUsed.put(tokenId, now);
        }
    }

    /** The {@code last_used} values due to be written (token id to epoch milliseconds), removed from the cache. */
    public Map<String, Long> drainLastUsed() {
        Map<String, Long> out = new HashMap<>();
        for (String id : pendingLastUsed.keySet()) {
            Long at = pendingLastUsed.remove(id);
            if (at != null) {
                out.put(id, at);
            }
        }
        return out;
    }
}
