package io.turnstile.events;

import java.util.List;

/**
 * Hands NAC events to the background writer. Never blocks the RADIUS path on a database insert.
 */
public interface NacEventPublisher {

    /**
     * The events of one decision (e.g. an EAP-TLS login's certificate event and its permit), in order. They are
     * queued together, so they travel in one batch and the caller waits once for all of them, not once each.
     */
    void publish(List<NacEvent> events);

    default void publish(NacEvent event) {
        if (event != null) {
            publish(List.of(event));
        }
    }
}
