package io.turnstile.events;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Lets the thread that published an event wait until the batch holding it has been handed over durably (sent in a
 * committed JMS transaction, so it is in the broker's persistent journal), for a bounded time. Events are tracked by
 * identity (two equal events are two decisions). Waiting threads share the batch of whoever drains: a group commit,
 * one transaction for every decision made while the previous one was in flight.
 *
 * <p>Thread-safe.
 */
public final class DurableHandoff {

    private final Map<NacEvent, CountDownLatch> waiting = Collections.synchronizedMap(new IdentityHashMap<>());

    /** Call before the event is queued, so its completion cannot be missed. */
    public CountDownLatch expect(NacEvent event) {
        CountDownLatch latch = new CountDownLatch(1);
        waiting.put(event, latch);
        return latch;
    }

    /** The event was not queued after all (buffer full). */
    public void forget(NacEvent event) {
        waiting.remove(event);
    }

    /** The batch is durable: release whoever waits for one of its events. */
    public void handedOver(List<NacEvent> batch) {
        for (NacEvent e : batch) {
            CountDownLatch latch = waiting.remove(e);
            if (latch != null) {
                latch.countDown();
            }
        }
    }

    /**
     * Waits until {@link #handedOver} names the event, at most {@code millis}. Returns false on time-out (the event
     * stays queued and is still sent, but was not durable when the caller went on).
     */
    public boolean await(NacEvent event, CountDownLatch latch, long millis) {
        try {
            if (latch.await(millis, TimeUnit.MILLISECONDS)) {
                return true;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        waiting.remove(event);
        return false;
    }

    /** Events someone waits for (for tests and the gauge). */
    public int waiting() {
        return waiting.size();
    }
}
