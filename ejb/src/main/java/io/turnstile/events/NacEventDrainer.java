package io.turnstile.events;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Moves events from the {@link NacEventBuffer} to the writer in batches of at most {@code batchSize}, one transaction
 * each. Called every 200 ms by the publisher ({@link #drainOnce}) and once at shutdown ({@link #flush}).
 *
 * <p>When a batch fails, its first event is retried alone:
 * <ul>
 *   <li>if that works, the database is up and some event is bad: the others are retried one by one, and those that
 *       still fail are counted as failed and logged;</li>
 *   <li>if that fails too, the database is probably unavailable: the batch is kept and retried with exponential
 *       back-off (1 s doubling, at most 30 s) while new events wait in the buffer (which drops, counted, when full).
 *       After {@link #MAX_OUTAGE_ATTEMPTS} failed attempts the first event is dropped (counted as failed, logged) and
 *       the rest goes on, so one bad event cannot block the pipeline, and an outage costs one event per round of
 *       attempts rather than whole batches.</li>
 * </ul>
 * Thread-safe: one drain at a time.
 */
public final class NacEventDrainer {

    static final long MIN_BACKOFF_MILLIS = 1_000;
    static final long MAX_BACKOFF_MILLIS = 30_000;
    static final int MAX_OUTAGE_ATTEMPTS = 5;

    private final NacEventBuffer buffer;
    private final Consumer<List<NacEvent>> writer;
    private final int batchSize;
    private final Clock clock;
    private final NacEventCounters counters;
    private final Logger log;

    private List<NacEvent> pending;
    private int attempts;
    private long retryAt;

    /** @param writer stores a batch in one transaction, throws if it could not */
    public NacEventDrainer(NacEventBuffer buffer, Consumer<List<NacEvent>> writer, int batchSize, Clock clock,
                           NacEventCounters counters, Logger log) {
        this.buffer = buffer;
        this.writer = writer;
        this.batchSize = batchSize;
        this.clock = clock;
        this.counters = counters;
        this.log = log;
    }

    /** Writes everything queued now, batch by batch; stops early while backing off from a failure. */
    public synchronized void drainOnce() {
        while (true) {
            if (pending != null && clock.millis() < retryAt) {
                return;
            }
            List<NacEvent> batch = pending != null ? pending : buffer.drain(batchSize);
            if (batch.isEmpty()) {
                return;
            }
            if (!writeOrIsolate(batch)) {
                return;
            }
        }
    }

    /**
     * At shutdown: writes what is pending and queued, ignoring back-off, until done, the first failure, or the
     * deadline. Returns the number of events left unwritten.
     */
    public synchronized int flush(long deadlineMillis) {
        retryAt = Long.MIN_VALUE;
        while (clock.millis() < deadlineMillis) {
            List<NacEvent> batch = pending != null ? pending : buffer.drain(batchSize);
            if (batch.isEmpty()) {
                return 0;
            }
            try {
                writer.accept(batch);
                counters.written(batch.size());
                pending = null;
            } catch (RuntimeException e) {
                pending = batch;
                log.log(Level.WARNING, "NAC events could not be written at shutdown", e);
                break;
            }
        }
        return (pending == null ? 0 : pending.size()) + buffer.size();
    }

    /** Whether to go on draining (false while backing off). */
    private boolean writeOrIsolate(List<NacEvent> batch) {
        try {
            writer.accept(batch);
            counters.written(batch.size());
            succeeded();
            return true;
        } catch (RuntimeException batchFailure) {
            RuntimeException firstFailure = batchFailure;
            if (batch.size() > 1) {
                try {
                    writer.accept(List.of(batch.get(0)));
                    counters.written(1);
                    isolate(batch.subList(1, batch.size()), batchFailure);
                    succeeded();
                    return true;
                } catch (RuntimeException e) {
                    firstFailure = e;
                }
            }
            // The first event alone fails: the database is unavailable, or that event is bad.
            if (attempts + 1 < MAX_OUTAGE_ATTEMPTS) {
                return backOff(batch, firstFailure);
            }
            counters.failed(1);
            log.log(Level.WARNING, "NAC event dropped after " + MAX_OUTAGE_ATTEMPTS + " failed attempts: " + batch.get(0),
                    firstFailure);
            List<NacEvent> rest = new ArrayList<>(batch.subList(1, batch.size()));
            succeeded();
            pending = rest.isEmpty() ? null : rest;
            retryAt = clock.millis();
            return true;
        }
    }

    private void isolate(List<NacEvent> events, RuntimeException batchFailure) {
        List<NacEvent> failed = new ArrayList<>();
        RuntimeException firstError = null;
        for (NacEvent e : events) {
            try {
                writer.accept(List.of(e));
                counters.written(1);
            } catch (RuntimeException ex) {
                failed.add(e);
                firstError = firstError == null ? ex : firstError;
            }
        }
        if (!failed.isEmpty()) {
            counters.failed(failed.size());
            RuntimeException cause = firstError;
            log.log(Level.WARNING, failed.size() + " NAC events could not be stored and were dropped (first: "
                    + failed.get(0) + ")", cause != null ? cause : batchFailure);
        }
    }

    private boolean backOff(List<NacEvent> batch, RuntimeException failure) {
        pending = batch;
        attempts++;
        long delay = Math.min(MAX_BACKOFF_MILLIS, MIN_BACKOFF_MILLIS << Math.min(attempts - 1, 5));
        retryAt = clock.millis() + delay;
        log.log(attempts == 1 ? Level.WARNING : Level.FINE, "NAC events cannot be written (attempt " + attempts
                + "), retrying in " + delay + " ms; " + buffer.size() + " more queued", failure);
        return false;
    }

    private void succeeded() {
        pending = null;
        attempts = 0;
    }

    /** Events held for a retry (not counting the buffer). */
    public synchronized int pendingSize() {
        return pending == null ? 0 : pending.size();
    }
}
