package io.turnstile.radius.inbound;

import jakarta.resource.spi.work.Work;
import jakarta.resource.spi.work.WorkException;
import jakarta.resource.spi.work.WorkManager;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Bounded hand-off between the socket readers and a fixed number of workers. The number of workers is the most
 * requests ever in flight towards the application, sized to (at most) the MDB pool, so endpoint creation does not
 * fail under load. A full queue blocks the reader for up to {@code offerTimeoutMillis} (back-pressure into the
 * socket's receive buffer) before the packet is dropped and counted.
 */
final class WorkQueue {

    private static final Logger LOG = Logger.getLogger(WorkQueue.class.getName());

    private final BlockingQueue<Runnable> queue;
    private final long offerTimeoutMillis;
    private final AdapterCounters counters;
    private volatile boolean running = true;

    WorkQueue(int capacity, long offerTimeoutMillis, AdapterCounters counters) {
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.offerTimeoutMillis = offerTimeoutMillis;
        this.counters = counters;
    }

    void start(WorkManager workManager, int workers) throws WorkException {
        for (int i = 0; i < workers; i++) {
            workManager.scheduleWork(new Worker());
        }
    }

    /** Returns false (and counts an overload drop) when no worker could take the job in time. */
    boolean submit(Runnable job) {
        try {
            if (queue.offer(job) || queue.offer(job, offerTimeoutMillis, TimeUnit.MILLISECONDS)) {
                return true;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        counters.dropped(DropReason.OVERLOAD);
        return false;
    }

    void stop() {
        running = false;
    }

    private final class Worker implements Work {
        @Override
        public void run() {
            while (running) {
                try {
                    Runnable job = queue.poll(500, TimeUnit.MILLISECONDS);
                    if (job != null) {
                        job.run();
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                } catch (RuntimeException e) {
                    LOG.log(Level.WARNING, "RADIUS worker: unexpected failure, continuing", e);
                }
            }
        }

        @Override
        public void release() {
            running = false;
        }
    }
}
