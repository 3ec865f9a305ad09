package io.turnstile.eap;

import java.time.Clock;
import java.time.Duration;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The open EAP conversations of this node, bounded three ways so that a flood of half-open conversations cannot
 * exhaust memory: an idle timeout (a conversation not continued within it is dropped), a cap per NAS (one noisy or
 * hostile NAS cannot take the whole table) and a global cap. A new conversation that finds its NAS or the table full,
 * after expired ones are swept out, is refused; conversations in progress are never pushed out by newcomers.
 * Time comes from the injected {@link Clock}.
 */
public final class EapConversationTable {

    private final Map<String, EapConversation> byState = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> perNas = new ConcurrentHashMap<>();
    private final AtomicInteger total = new AtomicInteger();
    private final int maxPerNas;
    private final int maxTotal;
    private final long idleMillis;
    private final Clock clock;
    private volatile long nextSweep;

    public EapConversationTable(int maxPerNas, int maxTotal, Duration idleTimeout, Clock clock) {
        if (maxPerNas < 1 || maxTotal < 1 || idleTimeout.isNegative() || idleTimeout.isZero()) {
            throw new IllegalArgumentException("conversation limits must be positive");
        }
        this.maxPerNas = maxPerNas;
        this.maxTotal = maxTotal;
        this.idleMillis = idleTimeout.toMillis();
        this.clock = clock;
    }

    /** A new conversation under {@code stateKey}; empty if the NAS or the table is at its cap. */
    Optional<EapConversation> open(String stateKey, String nasKey, String orgId) {
        long now = clock.millis();
        if (now >= nextSweep || total.get() >= maxTotal || count(nasKey) >= maxPerNas) {
            sweep(now);
        }
        AtomicInteger nas = perNas.computeIfAbsent(nasKey, k -> new AtomicInteger());
        if (nas.incrementAndGet() > maxPerNas) {
            nas.decrementAndGet();
            return Optional.empty();
        }
        if (total.incrementAndGet() > maxTotal) {
            total.decrementAndGet();
            nas.decrementAndGet();
            return Optional.empty();
        }
        EapConversation c = new EapConversation(stateKey, nasKey, orgId, now);
        if (byState.putIfAbsent(stateKey, c) != null) {
            total.decrementAndGet();
            nas.decrementAndGet();
            throw new IllegalStateException("State value collision"); // 128 random bits: does not happen
        }
        return Optional.of(c);
    }

    /**
     * The conversation of a State value from the same NAS, marked as seen now; empty if unknown, expired, or opened by
     * another NAS (a State is only good where it was issued).
     */
    Optional<EapConversation> find(String stateKey, String nasKey) {
        EapConversation c = byState.get(stateKey);
        if (c == null || !c.nasKey.equals(nasKey)) {
            return Optional.empty();
        }
        long now = clock.millis();
        if (now - c.lastSeenMillis > idleMillis) {
            remove(c);
            return Optional.empty();
        }
        c.lastSeenMillis = now;
        return Optional.of(c);
    }

    /** Ends a conversation (finished, failed or abandoned). */
    void remove(EapConversation c) {
        if (byState.remove(c.stateKey, c)) {
            total.decrementAndGet();
            AtomicInteger nas = perNas.get(c.nasKey);
            if (nas != null) {
                nas.decrementAndGet();
            }
        }
        c.close();
    }

    /** Drops every conversation idle for longer than the timeout. */
    public void sweep() {
        sweep(clock.millis());
    }

    private void sweep(long now) {
        nextSweep = now + Math.max(1, idleMillis / 4);
        for (Iterator<EapConversation> it = byState.values().iterator(); it.hasNext(); ) {
            EapConversation c = it.next();
            if (now - c.lastSeenMillis > idleMillis) {
                remove(c);
            }
        }
    }

    public int size() {
        return total.get();
    }

    int count(String nasKey) {
        AtomicInteger n = perNas.get(nasKey);
        return n == null ? 0 : n.get();
    }

    /**
     * Number of NAS counters kept. They are never removed (removal would race with counting); their number is bounded
     * by the configured RADIUS clients, since the NAS key is the matched client entry, not the source address.
     */
    int nasEntries() {
        return perNas.size();
    }
}
