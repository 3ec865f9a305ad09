package io.turnstile.radius.inbound;

import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.Arrays;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Duplicate detection per RFC 5080 §2.2.2: a request is a duplicate when source IP, source port, Identifier and
 * Request Authenticator are the same. While the first copy is processed a retransmission is dropped; once answered the
 * cached response is re-sent as it was, without a second evaluation. Entries live for {@code windowMillis}; the map is
 * bounded so that a flood cannot exhaust memory (past the bound, new requests are simply not cached).
 */
final class DuplicateCache {

    /** Marker for "being processed". */
    static final byte[] IN_PROGRESS = new byte[0];
    /** Marker for "processed, deliberately not answered". */
    static final byte[] DISCARDED = new byte[0];

    private record Key(InetSocketAddress source, int identifier, byte[] authenticator) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.identifier == identifier && k.source.equals(source)
                    && Arrays.equals(k.authenticator, authenticator);
        }

        @Override
        public int hashCode() {
            return 31 * (31 * source.hashCode() + identifier) + Arrays.hashCode(authenticator);
        }
    }

    private record Entry(byte[] response, long expiresAt) {
    }

    private final ConcurrentHashMap<Key, Entry> entries = new ConcurrentHashMap<>();
    private final Clock clock;
    private final long windowMillis;
    private final int maxEntries;

    DuplicateCache(Clock clock, long windowMillis, int maxEntries) {
        this.clock = clock;
        this.windowMillis = windowMillis;
        this.maxEntries = maxEntries;
    }

    /**
     * Registers a new request, or returns what is known of an earlier copy: {@link #IN_PROGRESS}, {@link #DISCARDED}
     * or the encoded response. Returns null when the request is new (and now marked in progress).
     */
    byte[] begin(InetSocketAddress source, int identifier, byte[] authenticator) {
        if (windowMillis <= 0) {
            return null;
        }
        long now = clock.millis();
        Key key = new Key(source, identifier, authenticator);
        Entry fresh = new Entry(IN_PROGRESS, now + windowMillis);
        if (entries.size() >= maxEntries) {
            purgeExpired(now);
            if (entries.size() >= maxEntries) {
                return null;
            }
        }
        Entry prior = entries.putIfAbsent(key, fresh);
        if (prior == null) {
            return null;
        }
        if (prior.expiresAt < now) {
            // an old exchange that reused ID and authenticator: treat as new
            entries.put(key, fresh);
            return null;
        }
        return prior.response;
    }

    void complete(InetSocketAddress source, int identifier, byte[] authenticator, byte[] response) {
        if (windowMillis <= 0) {
            return;
        }
        entries.put(new Key(source, identifier, authenticator),
                new Entry(response == null ? DISCARDED : response, clock.millis() + windowMillis));
    }

    /** Forgets a request whose processing failed, so that a retransmission is evaluated again. */
    void abandon(InetSocketAddress source, int identifier, byte[] authenticator) {
        entries.remove(new Key(source, identifier, authenticator));
    }

    void purgeExpired(long now) {
        entries.values().removeIf(e -> e.expiresAt < now);
    }

    void purgeExpired() {
        purgeExpired(clock.millis());
    }

    int size() {
        return entries.size();
    }
}
