package io.turnstile.sso;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.PriorityQueue;

/**
 * {@link AssertionReplayCheck} in this process's memory (tests and tools; the server uses {@link SamlStateBean}, whose
 * ids every cluster node sees). Assertion ids already accepted, each kept until its assertion expires (SAML profiles §4.1.4.5: the SP must ensure
 * a bearer assertion is not used twice within its validity). Bounded: when full of unexpired ids it refuses new ones
 * rather than forgetting old ones, since forgetting would re-open replay. Only assertions whose signature verified
 * reach it, so filling it needs the IdP's cooperation. Time comes from the injected {@link Clock}.
 */
public final class AssertionReplayCache implements AssertionReplayCheck {

    private record Entry(String id, Instant expires) { }

    private final Clock clock;
    private final int maxEntries;
    private final Map<String, Instant> seen = new HashMap<>();
    private final PriorityQueue<Entry> byExpiry = new PriorityQueue<>((a, b) -> a.expires.compareTo(b.expires));

    public AssertionReplayCache(Clock clock, int maxEntries) {
        if (maxEntries < 1) {
            throw new IllegalArgumentException("maxEntries must be positive");
        }
        this.clock = clock;
        this.maxEntries = maxEntries;
    }

    @Override
    public synchronized Use firstUse(String assertionId, Instant expires) {
        Instant now = clock.instant();
        purge(now);
        if (seen.containsKey(assertionId)) {
            return Use.REPLAYED;
        }
        if (seen.size() >= maxEntries) {
            return Use.FULL;
        }
        Instant keepUntil = expires.isAfter(now) ? expires : now;
        seen.put(assertionId, keepUntil);
        byExpiry.add(new Entry(assertionId, keepUntil));
        return Use.FIRST;
    }

    public synchronized int size() {
        purge(clock.instant());
        return seen.size();
    }

    private void purge(Instant now) {
        while (!byExpiry.isEmpty() && byExpiry.peek().expires.isBefore(now)) {
            seen.remove(byExpiry.poll().id);
        }
    }
}
