package io.turnstile.events.jms;

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
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.MetricRegistry;

import java.time.Clock;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * THE {@link NacEventPublisher}: NAC events go over JMS to {@link NacEventMdb}, which writes them to the database.
 *
 * <p>The RADIUS path never waits, neither on the database nor on JMS: {@link #publish} only puts the event in a
 * bounded in-memory buffer ({@link NacEventBuffer}, {@code turnstile.events.queue.capacity}, default 100,000; when
 * full the event is dropped, counted and warned about at most once a minute) and, if no drain is running, hands a
 * drain to a managed thread. The drainer sends what is buffered as messages of at most {@value #BATCH_SIZE} events,
 * one message and one transaction per batch ({@link NacEventBatchSender}): idle, an event leaves within milliseconds;
 * busy, events pile up while a send is in flight and go in the next batch. If the broker is unavailable the drainer
 * backs off and retries ({@link NacEventDrainer}); a periodic drain every {@value #DRAIN_INTERVAL_MILLIS} ms does the
 * retries. Once a send has committed, the batch is in the broker's persistent journal and survives a crash; what is
 * still in the buffer (normally a few milliseconds' worth, at most {@value #DRAIN_INTERVAL_MILLIS} ms) is lost if the
 * JVM dies.
 *
 * <p>Metrics (application registry): {@code turnstile.events.queued}, {@code .sent}, {@code .dropped},
 * {@code .failed} (given up sending) counters and the {@code turnstile.events.queue.depth} gauge; the MDB counts
 * {@code .written}, {@code .poison}, {@code .redelivered}, {@code .dead_lettered}, {@code .split}.
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

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Resource
    ManagedExecutorService executor;

    /** Whether a prompt drain is queued or running (so publish submits at most one at a time). */
    private final AtomicBoolean draining = new AtomicBoolean();
    /** Set by the drain thread while the drainer backs off from a failed send: then only the periodic drain runs. */
    private volatile boolean backingOff;
    private NacEventBuffer buffer;
    private NacEventDrainer drainer;
    private ScheduledFuture<?> task;

    @PostConstruct
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void start() {
        NacEventCounters counters = counters(metrics);
        buffer = new NacEventBuffer(Math.max(1, capacity), clock, counters, LOG);
        drainer = new NacEventDrainer(buffer, sender::send, BATCH_SIZE, clock, counters, LOG);
        metrics.gauge("turnstile.events.queue.depth", buffer, NacEventBuffer::size);
        task = scheduler.scheduleWithFixedDelay(this::drain, DRAIN_INTERVAL_MILLIS, DRAIN_INTERVAL_MILLIS,
                TimeUnit.MILLISECONDS);
    }

    @Override
    public void publish(NacEvent event) {
        if (event != null && buffer.offer(event) && !backingOff && draining.compareAndSet(false, true)) {
            try {
                executor.execute(this::drainPromptly);
            } catch (RejectedExecutionException e) {
                draining.set(false); // the periodic drain sends it
            }
        }
    }

    private void drainPromptly() {
        do {
            try {
                drain();
            } finally {
                draining.set(false);
            }
            // an event published after drainOnce emptied the buffer but before the flag was cleared
        } while (buffer.size() > 0 && !backingOff && draining.compareAndSet(false, true));
    }

    private void drain() {
        try {
            drainer.drainOnce();
        } catch (RuntimeException e) {
            // never let an exception cancel the periodic task
            LOG.log(Level.WARNING, "NAC event send failed", e);
        } finally {
            backingOff = drainer.pendingSize() > 0;
        }
    }

    @PreDestroy
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void stop() {
        if (task != null) {
            task.cancel(false);
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
