package io.turnstile.events;

import java.util.List;

/**
 * Stores a batch of NAC events (and the clients' latest state) in the caller's transaction (a new one if there is
 * none). Called by {@link io.turnstile.events.jms.NacEventMdb} for each batch taken off the JMS queue.
 */
public interface NacEventWriter {

    /** Up to a few hundred events; rolled back (and thrown) on failure. */
    void writeBatch(List<NacEvent> events);
}
