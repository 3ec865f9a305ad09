package io.turnstile.radius;

import io.turnstile.radius.api.ListenerState;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The last reported state of each RADIUS listener, for the readiness check and the start-up banner. */
@ApplicationScoped
public class RadiusListenerStatus {

    private final Map<String, ListenerState> states = new ConcurrentHashMap<>();

    void update(ListenerState state) {
        states.put(state.name(), state);
    }

    public List<ListenerState> states() {
        return List.copyOf(states.values());
    }

    /** True when at least one listener was reported and every reported listener is bound. */
    public boolean allBound() {
        return !states.isEmpty() && states.values().stream().allMatch(ListenerState::bound);
    }
}
