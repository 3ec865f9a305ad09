package io.turnstile.events;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Logger;

/**
 * The bounded in-memory queue between the RADIUS path and the event writer. {@link #offer} never blocks: when the queue
 * is full the event is dropped and counted, and a WARNING says so at most once a minute (with the number dropped since
 * the last warning), so losses are never silent and never flood the log.
 */
public final class NacEventBuffer {

    static final long WARN_INTERVAL_MILLIS = 60_000;

    private final BlockingQueue<NacEvent> queue;
    private final int capacity;
    private final Clock clock;
    private final NacEventCounters counters;
    private final Logger log;
    private final AtomicLong droppedTotal = new AtomicLong();
    private final AtomicLong droppedSinceWarning = new AtomicLong();
    private final AtomicLong lastWarning = new AtomicLong(Long.MIN_VALUE / 2);

    public NacEventBuffer(int capacity, Clock clock, NacEventCounters counters, Logger log) {
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.capacity = capacity;
        this.clock = clock;
        this.counters = counters;
        this.log = log;
    }

    /** Queues the event; returns false (and counts a drop) if the queue is full. */
    public boolean offer(NacEvent event) {
        if (queue.offer(event)) {
            counters.queued();
            return true;
        }
        counters.dropped();
        droppedTotal.incrementAndGet();
        droppedSinceWarning.incrementAndGet();
        long now = clock.millis();
        long last = lastWarning.get();
        if (now - last >= WARN_INTERVAL_MILLIS && lastWarning.compareAndSet(last, now)) {
            long n = droppedSinceWarning.getAndSet(0);
            log.warning(() -> "NAC event queue full (capacity " + capacity + "): dropped " + n
                    + " events since the last warning, " + droppedTotal.get() + " in all. The database is too slow or"
                    + " unavailable.");
        }
        return false;
    }

    /** Removes and returns up to {@code max} queued events, oldest first. */
    public List<NacEvent> drain(int max) {
        List<NacEvent> out = new ArrayList<>(Math.min(max, queue.size()));
        queue.drainTo(out, max);
        return out;
    }

    public int size() {
        return queue.size();
    }

    public long droppedTotal() {
        return droppedTotal.get();
    }
}
