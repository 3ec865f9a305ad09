package io.turnstile.events.jms;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import org.apache.activemq.artemis.api.core.QueueConfiguration;
import org.apache.activemq.artemis.api.core.RoutingType;
import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.api.core.TransportConfiguration;
import org.apache.activemq.artemis.core.config.Configuration;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.remoting.impl.invm.InVMAcceptorFactory;
import org.apache.activemq.artemis.core.server.ActiveMQServer;
import org.apache.activemq.artemis.core.server.ActiveMQServers;
import org.apache.activemq.artemis.core.server.JournalType;
import org.apache.activemq.artemis.core.server.Queue;
import org.apache.activemq.artemis.core.settings.impl.AddressFullMessagePolicy;
import org.apache.activemq.artemis.core.settings.impl.AddressSettings;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.metrics.MetricRegistry;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * The embedded ActiveMQ Artemis broker, the default JMS transport for NAC events: persistent (NIO journal under
 * {@code <turnstile.data.dir>/artemis}, so events sent but not yet written survive a crash), in-VM acceptor only (no
 * network port), security off (only this JVM can reach it). Anycast queue {@value NacEventQueue#QUEUE}; after
 * {@value NacEventQueue#MAX_DELIVERY_ATTEMPTS} failed deliveries a batch moves to
 * {@value NacEventQueue#DEAD_LETTER_QUEUE}.
 *
 * <p>Not started when {@code turnstile.jms.url} ({@code TURNSTILE_JMS_URL}) names an external broker: the launcher then
 * points the resource adapter there, and that broker must have the queue, its dead-letter address and a matching
 * max-delivery-attempts.
 *
 * <p>The classes are the turnstile-jms RAR's (provided scope here), the same ones the resource adapter's in-VM
 * connector uses: that is what lets it find this broker.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class ArtemisBroker {

    private static final Logger LOG = Logger.getLogger(ArtemisBroker.class.getName());
    /**
     * Artemis audit logging (every connection, session and message at INFO): off, broker warnings stay. Held here so
     * the level is not lost when java.util.logging drops an unreferenced logger.
     */
    private static final Logger AUDIT = Logger.getLogger("org.apache.activemq.audit");

    @Inject
    @ConfigProperty(name = "turnstile.jms.url")
    Optional<String> externalUrl;

    @Inject
    @ConfigProperty(name = "turnstile.data.dir", defaultValue = "data")
    String dataDir;

    @Inject
    MetricRegistry metrics;

    private ActiveMQServer server;

    @PostConstruct
    void start() {
        if (externalUrl.filter(u -> !u.isBlank()).isPresent()) {
            LOG.info(() -> "NAC events go to the external JMS broker " + externalUrl.get()
                    + "; the embedded broker is not started");
            return;
        }
        AUDIT.setLevel(java.util.logging.Level.WARNING);
        Path dir = Path.of(dataDir, "artemis").toAbsolutePath();
        long t0 = System.nanoTime();
        try {
            // persistence and JMX as the configuration says (the two-argument overload would override persistence)
            server = ActiveMQServers.newActiveMQServer(configuration(dir));
            server.start();
        } catch (Exception e) {
            throw new IllegalStateException("embedded Artemis broker did not start (" + dir + ")", e);
        }
        if (!server.isActive()) {
            throw new IllegalStateException("embedded Artemis broker is not active (" + dir + ")");
        }
        long ms = (System.nanoTime() - t0) / 1_000_000;
        LOG.info(() -> "embedded Artemis broker started in " + ms + " ms, journal in " + dir);
        metrics.gauge("turnstile.events.jms.queue.depth", this, b -> b.messageCount(NacEventQueue.QUEUE));
        metrics.gauge("turnstile.events.jms.dlq.depth", this, b -> b.messageCount(NacEventQueue.DEAD_LETTER_QUEUE));
    }

    static Configuration configuration(Path dir) {
        AddressSettings events = new AddressSettings()
                .setDeadLetterAddress(SimpleString.of(NacEventQueue.DEAD_LETTER_QUEUE))
                .setMaxDeliveryAttempts(NacEventQueue.MAX_DELIVERY_ATTEMPTS)
                .setRedeliveryDelay(1_000)
                .setRedeliveryMultiplier(2.0)
                .setMaxRedeliveryDelay(60_000)
                .setAddressFullMessagePolicy(AddressFullMessagePolicy.PAGE)
                .setMaxSizeBytes(64L * 1024 * 1024);
        Configuration c = new ConfigurationImpl()
                .setName("turnstile")
                .setPersistenceEnabled(true)
                .setSecurityEnabled(false)
                .setJMXManagementEnabled(false)
                .setJournalType(JournalType.NIO)
                .setJournalDirectory(dir.resolve("journal").toString())
                .setBindingsDirectory(dir.resolve("bindings").toString())
                .setPagingDirectory(dir.resolve("paging").toString())
                .setLargeMessagesDirectory(dir.resolve("large-messages").toString())
                .setNodeManagerLockDirectory(dir.toString())
                .addAcceptorConfiguration(new TransportConfiguration(InVMAcceptorFactory.class.getName(),
                        Map.of("serverId", 0), "in-vm"))
                .addAddressSetting(NacEventQueue.QUEUE, events)
                .addQueueConfiguration(QueueConfiguration.of(NacEventQueue.QUEUE)
                        .setAddress(NacEventQueue.QUEUE).setRoutingType(RoutingType.ANYCAST).setDurable(true))
                .addQueueConfiguration(QueueConfiguration.of(NacEventQueue.DEAD_LETTER_QUEUE)
                        .setAddress(NacEventQueue.DEAD_LETTER_QUEUE).setRoutingType(RoutingType.ANYCAST)
                        .setDurable(true));
        return c;
    }

    /** Whether this node runs the broker (false with an external broker). */
    public boolean embedded() {
        return server != null;
    }

    long messageCount(String queue) {
        ActiveMQServer s = server;
        Queue q = s == null ? null : s.locateQueue(SimpleString.of(queue));
        return q == null ? 0 : q.getMessageCount();
    }

    @PreDestroy
    void stop() {
        if (server != null) {
            try {
                server.stop();
                LOG.info("embedded Artemis broker stopped");
            } catch (Exception e) {
                LOG.log(java.util.logging.Level.WARNING, "embedded Artemis broker did not stop cleanly", e);
            }
        }
    }
}
