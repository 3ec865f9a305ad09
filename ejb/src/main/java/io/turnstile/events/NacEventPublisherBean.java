package io.turnstile.events;

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
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.MetricRegistry;

import java.time.Clock;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/**
 * {@link NacEventPublisher} that never blocks the RADIUS path: events go into a bounded in-memory queue
 * ({@link NacEventBuffer}, {@code turnstile.events.queue.capacity}, default 100,000) and a drainer writes them every
 * {@value #DRAIN_INTERVAL_MILLIS} ms in batches of at most {@value #BATCH_SIZE}, each in its own transaction
 * ({@link NacEventWriter}). A full queue drops the event, counts it and warns at most once a minute. Pending events
 * are flushed at shutdown (for at most {@value #SHUTDOWN_FLUSH_MILLIS} ms).
 *
 * <p>Metrics (application registry): {@code turnstile.events.queued}, {@code .written}, {@code .dropped},
 * {@code .failed} (counters) and {@code turnstile.events.queue.depth} (gauge).
 *
 * <p>Events still queued in memory are lost if the JVM dies; the JMS transport (Artemis queue, MDB calling
 * {@link NacEventWriter#writeBatch}) is meant to replace this queue.
 */
@Singleton
@Startup
@DependsOn("SchemaMigrator")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class NacEventPublisherBean implements NacEventPublisher {

    static final int BATCH_SIZE = 500;
    static final long DRAIN_INTERVAL_MILLIS = 200;
    static final long SHUTDOWN_FLUSH_MILLIS = 10_000;

    private static final Logger LOG = Logger.getLogger(NacEventPublisherBean.class.getName());

    @EJB
    NacEventWriter writer;

    @Inject
    Clock clock;

    @Inject
    MetricRegistry metrics;

    @Inject
    @ConfigProperty(name = "turnstile.events.queue.capacity", defaultValue = "100000")
    int capacity;

    @Resource
    ManagedScheduledExecutorService scheduler;

    private NacEventBuffer buffer;
    private NacEventDrainer drainer;
    private ScheduledFuture<?> task;

    @PostConstruct
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void start() {
        NacEventCounters counters = counters(metrics);
        buffer = new NacEventBuffer(Math.max(1, capacity), clock, counters, LOG);
        drainer = new NacEventDrainer(buffer, writer::writeBatch, BATCH_SIZE, clock, counters, LOG);
        metrics.gauge("turnstile.events.queue.depth", buffer, NacEventBuffer::size);
        task = scheduler.scheduleWithFixedDelay(this::drain, DRAIN_INTERVAL_MILLIS, DRAIN_INTERVAL_MILLIS,
                TimeUnit.MILLISECONDS);
    }

    @Override
    public void publish(NacEvent event) {
        if (event != null) {
            buffer.offer(event);
        }
    }

    private void drain() {
        try {
            drainer.drainOnce();
        } catch (RuntimeException e) {
            // never let an exception cancel the periodic task
            LOG.log(java.util.logging.Level.WARNING, "NAC event drain failed", e);
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
            LOG.warning(() -> left + " NAC events were not written before shutdown and are lost");
        }
    }

    private static NacEventCounters counters(MetricRegistry registry) {
        Counter queued = registry.counter("turnstile.events.queued");
        Counter written = registry.counter("turnstile.events.written");
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
                written.inc(n);
            }

            @Override
            public void failed(int n) {
                failed.inc(n);
            }
        };
    }
}
