package io.turnstile.radius;

import io.turnstile.radius.api.ListenerState;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** What the RADIUS adapter last reported: each listener's state (for readiness) and its counters (for metrics). */
@ApplicationScoped
public class RadiusListenerStatus {

    private final Map<String, ListenerState> states = new ConcurrentHashMap<>();
    private volatile Map<String, Long> counters = Map.of();

    void update(ListenerState state) {
        states.put(state.name(), state);
    }

    void updateCounters(Map<String, Long> snapshot) {
        counters = Map.copyOf(snapshot);
    }

    /** The adapter's last pushed counters; 0 for a name not (yet) reported. */
    public long counter(String name) {
        return counters.getOrDefault(name, 0L);
    }

    public List<ListenerState> states() {
        return List.copyOf(states.values());
    }

    /** True when at least one listener was reported and every reported listener is bound. */
    public boolean allBound() {
        return !states.isEmpty() && states.values().stream().allMatch(ListenerState::bound);
    }
}
