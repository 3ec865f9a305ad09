package io.turnstile.radius.inbound;

import io.turnstile.radius.api.ListenerState;
import io.turnstile.radius.api.Transport;
import jakarta.resource.ResourceException;
import jakarta.resource.NotSupportedException;
import jakarta.resource.spi.ActivationSpec;
import jakarta.resource.spi.BootstrapContext;
import jakarta.resource.spi.ConfigProperty;
import jakarta.resource.spi.Connector;
import jakarta.resource.spi.ResourceAdapter;
import jakarta.resource.spi.ResourceAdapterInternalException;
import jakarta.resource.spi.TransactionSupport;
import jakarta.resource.spi.endpoint.MessageEndpointFactory;
import jakarta.resource.spi.work.Work;
import jakarta.resource.spi.work.WorkException;
import jakarta.resource.spi.work.WorkManager;

import javax.transaction.xa.XAResource;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The RADIUS resource adapter (JCA 2.1, inbound). It owns the sockets: UDP authentication and accounting listeners
 * (RFC 2865, RFC 2866) and RadSec (RFC 6614). Each valid request goes to the message-driven bean activated for its service; the reply is
 * written back on the same socket. Configuration comes from the adapter's config properties (set per deployment
 * with {@code create-resource-adapter-config}).
 */
@Connector(displayName = "Turnstile RADIUS", vendorName = "Turnstile", eisType = "RADIUS",
        transactionSupport = TransactionSupport.TransactionSupportLevel.NoTransaction)
public class RadiusResourceAdapter implements ResourceAdapter {

    private static final Logger LOG = Logger.getLogger(RadiusResourceAdapter.class.getName());

    @ConfigProperty(defaultValue = "0.0.0.0", description = "Address the RADIUS listeners bind to")
    private String bindAddress = "0.0.0.0";
    @ConfigProperty(defaultValue = "1812", description = "UDP authentication port (RFC 2865); 0 disables")
    private Integer authPort = 1812;
    @ConfigProperty(defaultValue = "1813", description = "UDP accounting port (RFC 2866); 0 disables")
    private Integer acctPort = 1813;
    @ConfigProperty(defaultValue = "2083", description = "RadSec port (RFC 6614, TCP); 0 disables")
    private Integer radsecPort = 2083;
    @ConfigProperty(defaultValue = "256", description = "Most concurrent RadSec connections")
    private Integer radsecMaxConnections = 256;
    @ConfigProperty(defaultValue = "600000", description = "RadSec connection idle timeout, ms")
    private Integer radsecIdleTimeoutMillis = 600_000;
    @ConfigProperty(defaultValue = "32", description = "Most requests in flight to the application; at most the MDB pool size")
    private Integer maxInFlight = 32;
    @ConfigProperty(defaultValue = "4096", description = "Requests queued for the workers before readers block")
    private Integer queueCapacity = 4096;
    @ConfigProperty(defaultValue = "8388608", description = "SO_RCVBUF of the UDP sockets, bytes")
    private Integer receiveBufferBytes = 8 * 1024 * 1024;
    @ConfigProperty(defaultValue = "5000", description = "Duplicate detection window (RFC 5080 §2.2.2), ms")
    private Integer duplicateWindowMillis = 5000;
    @ConfigProperty(defaultValue = "5000", description = "How long a RADIUS client lookup is cached, ms")
    private Integer clientCacheMillis = 5000;

    private final List<Work> works = new CopyOnWriteArrayList<>();
    private final List<ListenerState> states = new CopyOnWriteArrayList<>();
    private final AdapterCounters counters = new AdapterCounters();
    private Endpoints endpoints;
    private WorkQueue queue;
    private DuplicateCache duplicates;
    private volatile boolean running;
    /** Set when listener state must be (re)told to the application; the housekeeping work retries until it lands. */
    private volatile boolean statesPending = true;

    @Override
    public void start(BootstrapContext ctx) throws ResourceAdapterInternalException {
        Clock clock = Clock.systemUTC();
        WorkManager workManager = ctx.getWorkManager();
        endpoints = new Endpoints(2000);
        duplicates = new DuplicateCache(clock, duplicateWindowMillis, 200_000);
        NasClientCache clients = new NasClientCache(clock, clientCacheMillis, 100_000);
        PacketProcessor processor = new PacketProcessor(endpoints, clients, duplicates, counters, clock);
        queue = new WorkQueue(queueCapacity, 200, counters);
        running = true;
        try {
            queue.start(workManager, maxInFlight);
            startUdp(workManager, "auth", RadiusActivationSpec.AUTHENTICATION, authPort, processor);
            startUdp(workManager, "acct", RadiusActivationSpec.ACCOUNTING, acctPort, processor);
            startRadsec(workManager, processor, clock);
            Work housekeeping = new Housekeeping();
            works.add(housekeeping);
            workManager.scheduleWork(housekeeping);
        } catch (WorkException e) {
            throw new ResourceAdapterInternalException("could not start RADIUS workers", e);
        }
        LOG.info(() -> "Turnstile RADIUS adapter started: " + states);
    }

    private void startUdp(WorkManager workManager, String name, String service, int port, PacketProcessor processor)
            throws WorkException {
        if (port <= 0) {
            return;
        }
        InetSocketAddress address = new InetSocketAddress(bindAddress, port);
        try {
            UdpListener listener = new UdpListener(service, address, receiveBufferBytes, queue, processor, counters);
            works.add(listener);
            workManager.scheduleWork(listener);
            states.add(new ListenerState(name, Transport.UDP, listener.localAddress(), true, null));
        } catch (SocketException e) {
            LOG.log(Level.SEVERE, "RADIUS " + name + " listener could not bind " + address, e);
            states.add(new ListenerState(name, Transport.UDP, address, false, e.getMessage()));
        }
    }

    private void startRadsec(WorkManager workManager, PacketProcessor processor, Clock clock) throws WorkException {
        if (radsecPort <= 0) {
            return;
        }
        InetSocketAddress address = new InetSocketAddress(bindAddress, radsecPort);
        try {
            RadsecKeyMaterial keys = new RadsecKeyMaterial(endpoints::radsecCredentials, clock, 60_000);
            RadsecListener listener = new RadsecListener(address, keys, workManager, queue, processor, endpoints,
                    counters, radsecMaxConnections, radsecIdleTimeoutMillis);
            works.add(listener);
            workManager.scheduleWork(listener);
            states.add(new ListenerState("radsec", Transport.RADSEC, listener.localAddress(), true, null));
        } catch (java.io.IOException | java.security.GeneralSecurityException e) {
            LOG.log(Level.SEVERE, "RadSec listener could not bind " + address, e);
            states.add(new ListenerState("radsec", Transport.RADSEC, address, false, e.getMessage()));
        }
    }

    @Override
    public void stop() {
        running = false;
        if (queue != null) {
            queue.stop();
        }
        works.forEach(Work::release);
        works.clear();
        List<ListenerState> closed = new ArrayList<>();
        states.forEach(s -> closed.add(new ListenerState(s.name(), s.transport(), s.address(), false, "stopped")));
        closed.forEach(s -> endpoints.report(s));
        LOG.info(() -> "Turnstile RADIUS adapter stopped: " + counters.snapshot());
    }

    @Override
    public void endpointActivation(MessageEndpointFactory factory, ActivationSpec spec) throws ResourceException {
        if (spec instanceof RadiusActivationSpec radius) {
            radius.validate();
            endpoints.activateService(radius.getService(), factory);
            LOG.info(() -> "RADIUS " + radius.getService() + " endpoint activated");
        } else if (spec instanceof RadiusControlActivationSpec) {
            endpoints.activateControl(factory);
            // Not reported here: during deployment the container cannot create the endpoint yet (RAR7004).
            statesPending = true;
            LOG.info("RADIUS control endpoint activated");
        } else {
            throw new NotSupportedException("unsupported activation spec " + spec.getClass().getName());
        }
    }

    @Override
    public void endpointDeactivation(MessageEndpointFactory factory, ActivationSpec spec) {
        String which = endpoints.deactivate(factory);
        LOG.info(() -> "RADIUS endpoint deactivated: " + which);
    }

    @Override
    public XAResource[] getXAResources(ActivationSpec[] specs) {
        return new XAResource[0];
    }

    /** Counters for metrics and tests. */
    public Map<String, Long> counters() {
        return counters.snapshot();
    }

    /** Purges the duplicate cache, retries listener-state reports, pushes the counters for metrics. */
    private final class Housekeeping implements Work {
        private volatile boolean active = true;

        @Override
        public void run() {
            long lastPush = 0;
            while (active && running) {
                try {
                    Thread.sleep(1000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
                duplicates.purgeExpired();
                if (statesPending && endpoints.hasControl()) {
                    boolean all = true;
                    for (ListenerState s : states) {
                        all &= endpoints.report(s);
                    }
                    statesPending = !all;
                }
                long now = System.currentTimeMillis();
                if (now - lastPush >= 5_000 && endpoints.hasControl()) {
                    lastPush = now;
                    endpoints.statistics(counters.snapshot());
                }
            }
        }

        @Override
        public void release() {
            active = false;
        }
    }

    // JavaBean accessors for the config properties (JCA 2.1 §5.3.2)

    public String getBindAddress() {
        return bindAddress;
    }

    public void setBindAddress(String bindAddress) {
        this.bindAddress = bindAddress;
    }

    public Integer getAuthPort() {
        return authPort;
    }

    public void setAuthPort(Integer authPort) {
        this.authPort = authPort;
    }

    public Integer getAcctPort() {
        return acctPort;
    }

    public void setAcctPort(Integer acctPort) {
        this.acctPort = acctPort;
    }

    public Integer getRadsecPort() {
        return radsecPort;
    }

    public void setRadsecPort(Integer radsecPort) {
        this.radsecPort = radsecPort;
    }

    public Integer getRadsecMaxConnections() {
        return radsecMaxConnections;
    }

    public void setRadsecMaxConnections(Integer radsecMaxConnections) {
        this.radsecMaxConnections = radsecMaxConnections;
    }

    public Integer getRadsecIdleTimeoutMillis() {
        return radsecIdleTimeoutMillis;
    }

    public void setRadsecIdleTimeoutMillis(Integer radsecIdleTimeoutMillis) {
        this.radsecIdleTimeoutMillis = radsecIdleTimeoutMillis;
    }

    public Integer getMaxInFlight() {
        return maxInFlight;
    }

    public void setMaxInFlight(Integer maxInFlight) {
        this.maxInFlight = maxInFlight;
    }

    public Integer getQueueCapacity() {
        return queueCapacity;
    }

    public void setQueueCapacity(Integer queueCapacity) {
        this.queueCapacity = queueCapacity;
    }

    public Integer getReceiveBufferBytes() {
        return receiveBufferBytes;
    }

    public void setReceiveBufferBytes(Integer receiveBufferBytes) {
        this.receiveBufferBytes = receiveBufferBytes;
    }

    public Integer getDuplicateWindowMillis() {
        return duplicateWindowMillis;
    }

    public void setDuplicateWindowMillis(Integer duplicateWindowMillis) {
        this.duplicateWindowMillis = duplicateWindowMillis;
    }

    public Integer getClientCacheMillis() {
        return clientCacheMillis;
    }

    public void setClientCacheMillis(Integer clientCacheMillis) {
        this.clientCacheMillis = clientCacheMillis;
    }

    // JCA 2.1 §5.3.1: a ResourceAdapter must implement equals/hashCode; identity is what we mean.
    @Override
    public boolean equals(Object o) {
        return this == o;
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(this);
    }
}
