package io.turnstile.radius.inbound;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/** Lock-free counters of the adapter: packets received, answered, answered from the duplicate cache, dropped by reason. */
public final class AdapterCounters {

    private final LongAdder received = new LongAdder();
    private final LongAdder answered = new LongAdder();
    private final LongAdder duplicatesAnswered = new LongAdder();
    private final EnumMap<DropReason, LongAdder> dropped = new EnumMap<>(DropReason.class);

    public AdapterCounters() {
        for (DropReason r : DropReason.values()) {
            dropped.put(r, new LongAdder());
        }
    }

    void received() {
        received.increment();
    }

    void answered() {
        answered.increment();
    }

    void duplicateAnswered() {
        duplicatesAnswered.increment();
    }

    void dropped(DropReason reason) {
        dropped.get(reason).increment();
    }

    public long droppedCount(DropReason reason) {
        return dropped.get(reason).sum();
    }

    /** A snapshot with stable names, e.g. {@code dropped.unknown_client}. */
    public Map<String, Long> snapshot() {
        Map<String, Long> m = new LinkedHashMap<>();
        m.put("received", received.sum());
        m.put("answered", answered.sum());
        m.put("duplicates_answered", duplicatesAnswered.sum());
        dropped.forEach((k, v) -> m.put("dropped." + k.name().toLowerCase(), v.sum()));
        return m;
    }
}
