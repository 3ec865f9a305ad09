package io.turnstile.events.jms;

import io.turnstile.events.DurableHandoff;
import io.turnstile.events.NacEvent;
import io.turnstile.events.NacEventBuffer;
import io.turnstile.events.NacEventCounters;
import io.turnstile.events.NacEventDrainer;
import io.turnstile.events.NacEventPublisher;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.MetricRegistry;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * THE {@link NacEventPublisher}: NAC events go over JMS to {@link NacEventMdb}, which writes them to the database.
 *
 * <p><b>Durability.</b> {@link #publish} puts the event in a bounded in-memory buffer ({@link NacEventBuffer},
 * {@code turnstile.events.queue.capacity}, default 100,000) and then waits, at most
 * {@code turnstile.events.durable-wait-millis} (default {@value #DEFAULT_DURABLE_WAIT_MILLIS} ms), until the batch
 * holding it has been sent in a committed JMS transaction, i.e. is in the broker's persistent journal (the embedded
 * broker journals under the data directory; an external broker under its own). Only then does the RADIUS reply leave.
 * So an answered decision's event survives a kill -9 of Turnstile, except when the broker did not take it within the
 * wait: then the reply goes anyway (the RADIUS path never waits longer), the event stays queued for the background
 * drain, and {@code turnstile.events.answered_before_durable} counts it. While the broker is known to be down (the
 * drainer backs off) publish does not wait at all, and the buffer drops, counted, when full. Set the wait to 0 for the
 * old fire-and-forget behaviour (loss window: the buffer, normally milliseconds' worth).
 *
 * <p>Waiting costs no transaction per decision: the drainer sends what is buffered as messages of at most
 * {@value #BATCH_SIZE} events, one message and one transaction per batch ({@link NacEventBatchSender}), and every
 * decision that arrived while a send was in flight goes in the next batch (group commit). If the broker is unavailable
 * the drainer backs off and retries ({@link NacEventDrainer}); a periodic drain every {@value #DRAIN_INTERVAL_MILLIS}
 * ms does the retries.
 *
 * <p>Metrics (application registry): {@code turnstile.events.queued}, {@code .sent}, {@code .dropped},
 * {@code .failed} (given up sending), {@code .answered_before_durable} counters and the
 * {@code turnstile.events.queue.depth} gauge; the MDB counts {@code .written}, {@code .poison}, {@code .redelivered},
 * {@code .dead_lettered}, {@code .split}.
 */
@Singleton
@Startup
@DependsOn({"SchemaMigrator", "ArtemisBroker"})
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class JmsNacEventPublisher implements NacEventPublisher {

    static final int BATCH_SIZE = 500;
    static final long DRAIN_INTERVAL_MILLIS = 100;
    static final long SHUTDOWN_FLUSH_MILLIS = 10_000;
    static final long DEFAULT_DURABLE_WAIT_MILLIS = 200;

    private static final Logger LOG = Logger.getLogger(JmsNacEventPublisher.class.getName());

    @EJB
    NacEventBatchSender sender;

    @Inject
    Clock clock;

    @Inject
    MetricRegistry metrics;

    @Inject
    @ConfigProperty(name = "turnstile.events.queue.capacity", defaultValue = "100000")
    int capacity;

    @Inject
    @ConfigProperty(name = "turnstile.events.durable-wait-millis", defaultValue = "" + DEFAULT_DURABLE_WAIT_MILLIS)
    long durableWaitMillis;

    @Resource
    ManagedThreadFactory threads;

    /**
     * Wakes the drain thread: released by publish, taken by the thread. One long-lived managed thread rather than a
     * task submitted per publish: Payara captures the submitter's context on every submit, with a ServiceLoader scan
     * of the class path, which was 8 % of an EAP-TLS request thread's CPU at low event rates.
     */
    private final Semaphore wakeup = new Semaphore(0);
    private volatile boolean running;
    private Thread drainThread;
    /** Set by the drain thread while the drainer backs off from a failed send: then only the periodic drain runs. */
    private volatile boolean backingOff;
    private NacEventBuffer buffer;
    private NacEventDrainer drainer;
    private final DurableHandoff handoff = new DurableHandoff();
    private Counter answeredBeforeDurable;

    @PostConstruct
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void start() {
        NacEventCounters counters = counters(metrics);
        buffer = new NacEventBuffer(Math.max(1, capacity), clock, counters, LOG);
        answeredBeforeDurable = metrics.counter("turnstile.events.answered_before_durable");
        drainer = new NacEventDrainer(buffer, batch -> {
            sender.send(batch);
            handoff.handedOver(batch);
        }, BATCH_SIZE, clock, counters, LOG);
        metrics.gauge("turnstile.events.queue.depth", buffer, NacEventBuffer::size);
        running = true;
        drainThread = threads.newThread(this::drainLoop);
        drainThread.setDaemon(true);
        drainThread.start();
    }

    @Override
    public void publish(List<NacEvent> events) {
        if (events == null || events.isEmpty()) {
            return;
        }
        boolean wait = durableWaitMillis > 0 && !backingOff;
        List<NacEvent> queued = new ArrayList<>(events.size());
        List<CountDownLatch> durable = new ArrayList<>(events.size());
        for (NacEvent event : events) {
            if (event == null) {
                continue;
            }
            CountDownLatch latch = wait ? handoff.expect(event) : null;
            if (buffer.offer(event)) {
                queued.add(event);
                durable.add(latch);
            } else if (wait) {
                handoff.forget(event);
            }
        }
        if (queued.isEmpty()) {
            return;
        }
        if (!backingOff && wakeup.availablePermits() == 0) {
            wakeup.release(); // (a lost race only means one more release: the thread takes them all)
        }
        if (wait) {
            long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(durableWaitMillis);
            for (int i = 0; i < queued.size(); i++) {
                long left = Math.max(0, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime()));
                if (!handoff.await(queued.get(i), durable.get(i), left)) {
                    answeredBeforeDurable.inc();
                }
            }
        }
    }

    /**
     * Drains when woken by a publish, and at least every {@value #DRAIN_INTERVAL_MILLIS} ms (the retries after a failed
     * send). Events published while a batch is being sent leave a permit, so they go in the next batch at once: the
     * group commit.
     */
    private void drainLoop() {
        while (running) {
            try {
                wakeup.tryAcquire(DRAIN_INTERVAL_MILLIS, TimeUnit.MILLISECONDS);
                wakeup.drainPermits();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            if (running) {
                drain();
            }
        }
    }

    private void drain() {
        try {
            drainer.drainOnce();
        } catch (RuntimeException e) {
            // never let an exception end the drain thread
            LOG.log(Level.WARNING, "NAC event send failed", e);
        } finally {
            backingOff = drainer.pendingSize() > 0;
        }
    }

    @PreDestroy
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void stop() {
        running = false;
        wakeup.release();
        if (drainThread != null) {
            try {
                drainThread.join(SHUTDOWN_FLUSH_MILLIS); // a send in flight finishes; then the flush below is alone
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        int left = drainer.flush(clock.millis() + SHUTDOWN_FLUSH_MILLIS);
        if (left > 0) {
            LOG.warning(() -> left + " NAC events were not sent before shutdown and are lost");
        }
    }

    private static NacEventCounters counters(MetricRegistry registry) {
        Counter queued = registry.counter("turnstile.events.queued");
        Counter sent = registry.counter("turnstile.events.sent");
        Counter dropped = registry.counter("turnstile.events.dropped");
        Counter failed = registry.counter("turnstile.events.failed");
        return new NacEventCounters() {
            @Override
            public void queued() {
                queued.inc();
            }

            @Override
            public void dropped() {
                dropped.inc();
            }

            @Override
            public void written(int n) {
                sent.inc(n);
            }

            @Override
            public void failed(int n) {
                failed.inc(n);
            }
        };
    }
}
