package io.turnstile.events;

/**
 * Hands NAC events to the background writer. Never blocks the RADIUS path on a database insert.
 */
public interface NacEventPublisher {

    void publish(NacEvent event);
}
