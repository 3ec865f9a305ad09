package io.turnstile.events;

import java.util.List;

/**
 * Stores a batch of NAC events (and the clients' latest state) in one transaction of its own. Called by the in-memory
 * publisher's drainer today; the JMS transport (an MDB on the events queue) will call it too.
 */
public interface NacEventWriter {

    /** Up to a few hundred events; committed when this returns, rolled back (and thrown) on failure. */
    void writeBatch(List<NacEvent> events);
}
