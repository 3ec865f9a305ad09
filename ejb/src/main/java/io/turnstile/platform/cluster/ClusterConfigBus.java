package io.turnstile.platform.cluster;

import io.turnstile.endpoints.EndpointsChanged;
import io.turnstile.identity.SsoChanged;
import io.turnstile.nas.NasConfigChanged;
import io.turnstile.org.TokenIssued;
import io.turnstile.org.TokensChanged;
import io.turnstile.pki.PkiChanged;
import io.turnstile.policy.PolicyChanged;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.LocalBean;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Default;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.MetricRegistry;

import javax.naming.InitialContext;
import javax.naming.NamingException;
import java.util.Optional;
import java.util.concurrent.RejectedExecutionException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Tells the other nodes of a cluster about configuration changes as soon as they are committed, through the data grid
 * of Payara Micro's cluster ({@code TURNSTILE_CLUSTER_MEMBERS}). Each node keeps RADIUS clients, policy, endpoints,
 * API tokens, trust anchors and identity-provider connections in memory and reloads them on a local CDI event after
 * commit; this bean publishes those events ({@code @Default} ones, i.e. made on this node) to the grid, and replays the
 * ones other nodes publish as the same events qualified {@link FromCluster}, so the same observers reload at once.
 *
 * <p>Without it a change made on one node reached the others only through their periodic reloads (endpoints within
 * 5 s, RADIUS clients 30 s, tokens 30 s, trust 60 s): a revoked API token or a deleted endpoint stayed valid that long
 * on the other nodes. The periodic reloads stay as the fallback when a message is lost (the grid's topic is best
 * effort: a node that is partitioned away catches up by polling).
 *
 * <p>On a single node ({@code --nocluster}) or a runtime without Hazelcast the grid is absent and this bean does
 * nothing. Metrics: {@code turnstile.cluster.changes.sent}, {@code .received}, {@code .ignored} (not a change text)
 * and the {@code turnstile.cluster.members} gauge.
 */
@Singleton
@Startup
@LocalBean
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class ClusterConfigBus {

    private static final Logger LOG = Logger.getLogger(ClusterConfigBus.class.getName());
    static final String GRID_JNDI = "payara/Hazelcast";

    @Inject
    @ConfigProperty(name = "turnstile.cluster.grid", defaultValue = "true")
    boolean gridEnabled;

    @Inject
    MetricRegistry metrics;

    @Resource
    ManagedExecutorService executor;

    @Inject
    @Any
    Event<NasConfigChanged> nas;
    @Inject
    @Any
    Event<PolicyChanged> policy;
    @Inject
    @Any
    Event<EndpointsChanged> endpoints;
    @Inject
    @Any
    Event<TokensChanged> tokens;
    @Inject
    @Any
    Event<PkiChanged> pki;
    @Inject
    @Any
    Event<SsoChanged> sso;

    private volatile ConfigChangeTopic topic = ConfigChangeTopic.NONE;
    private Counter sent;
    private Counter received;
    private Counter ignored;

    @PostConstruct
    void start() {
        sent = metrics.counter("turnstile.cluster.changes.sent");
        received = metrics.counter("turnstile.cluster.changes.received");
        ignored = metrics.counter("turnstile.cluster.changes.ignored");
        metrics.gauge("turnstile.cluster.members", this, ClusterConfigBus::members);
        if (!gridEnabled) {
            LOG.info("cluster: data grid not used (turnstile.cluster.grid=false)");
            return;
        }
        Optional<Object> grid = lookupGrid();
        if (grid.isEmpty()) {
            LOG.info("cluster: no data grid on this runtime; configuration changes reach other nodes by polling");
            return;
        }
        try {
            topic = new HazelcastConfigChangeTopic(grid.get(), this::onWire);
            LOG.info(() -> "cluster: configuration changes go through the data grid (" + topic.members()
                    + " member(s) now)");
        } catch (RuntimeException | LinkageError e) {
            LOG.log(Level.WARNING, "cluster: data grid present but not usable; falling back to polling", e);
            topic = ConfigChangeTopic.NONE;
        }
    }

    private static Optional<Object> lookupGrid() {
        try {
            Class.forName("com.hazelcast.core.HazelcastInstance", false, ClusterConfigBus.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            return Optional.empty();
        }
        try {
            Object o = new InitialContext().lookup(GRID_JNDI);
            return HazelcastConfigChangeTopic.isGrid(o) ? Optional.of(o) : Optional.empty();
        } catch (NamingException | RuntimeException e) {
            return Optional.empty();
        }
    }

    public int members() {
        try {
            return topic.members();
        } catch (RuntimeException e) {
            return 0;
        }
    }

    // ---------------------------------------------------------------------------------------------- outbound

    public void nasChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) @Default NasConfigChanged e) {
        publish(new ConfigChange(ConfigChange.Kind.NAS, e.orgId(), null));
    }

    public void policyChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) @Default PolicyChanged e) {
        publish(new ConfigChange(ConfigChange.Kind.POLICY, e.orgId(), null));
    }

    public void endpointsChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) @Default EndpointsChanged e) {
        publish(new ConfigChange(ConfigChange.Kind.ENDPOINTS, e.orgId(), null));
    }

    public void tokensChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) @Default TokensChanged e) {
        publish(new ConfigChange(ConfigChange.Kind.TOKENS, e.orgId(), null));
    }

    /** A token issued here: the other nodes reload their token caches (they have no read-through on a miss). */
    public void tokenIssued(@Observes(during = TransactionPhase.AFTER_SUCCESS) @Default TokenIssued e) {
        publish(new ConfigChange(ConfigChange.Kind.TOKENS, e.principal().orgId(), null));
    }

    public void pkiChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) @Default PkiChanged e) {
        publish(new ConfigChange(ConfigChange.Kind.PKI, e.orgId(), null));
    }

    public void ssoChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) @Default SsoChanged e) {
        publish(new ConfigChange(ConfigChange.Kind.SSO, e.orgId(), e.ssoId()));
    }

    private void publish(ConfigChange change) {
        ConfigChangeTopic t = topic;
        if (t == ConfigChangeTopic.NONE) {
            return;
        }
        try {
            t.publish(change.encode());
            sent.inc();
        } catch (RuntimeException e) {
            // the other nodes catch up by polling
            LOG.log(Level.WARNING, "cluster: change " + change.kind() + " of org " + change.orgId()
                    + " not published to the grid", e);
        }
    }

    // ----------------------------------------------------------------------------------------------- inbound

    /** On a grid thread: decode, then replay on a managed thread (observers call EJBs and the database). */
    private void onWire(String wire) {
        Optional<ConfigChange> change = ConfigChange.decode(wire);
        if (change.isEmpty()) {
            ignored.inc();
            LOG.fine("cluster: ignored a grid message that is not a configuration change");
            return;
        }
        try {
            executor.execute(() -> replay(change.get()));
        } catch (RejectedExecutionException e) {
            LOG.log(Level.WARNING, "cluster: change not applied now (executor busy); the periodic reload will", e);
        }
    }

    /**
     * Fires the local event qualified {@link FromCluster} only: the {@code Event}s are injected {@code @Any}, since
     * {@code select} adds to the injection point's qualifiers and a {@code @Default} one would be published again
     * (two nodes then echo a change back and forth for ever).
     */
    void replay(ConfigChange c) {
        FromCluster.Literal remote = FromCluster.Literal.INSTANCE;
        switch (c.kind()) {
            case NAS -> nas.select(remote).fire(new NasConfigChanged(c.orgId()));
            case POLICY -> policy.select(remote).fire(new PolicyChanged(c.orgId()));
            case ENDPOINTS -> endpoints.select(remote).fire(new EndpointsChanged(c.orgId()));
            case TOKENS -> tokens.select(remote).fire(new TokensChanged(c.orgId()));
            case PKI -> pki.select(remote).fire(new PkiChanged(c.orgId()));
            case SSO -> sso.select(remote).fire(new SsoChanged(c.orgId(), c.id()));
        }
        received.inc();
        LOG.fine(() -> "cluster: applied " + c.kind() + " change of org " + c.orgId() + " from another node");
    }

    @PreDestroy
    void stop() {
        topic.close();
        topic = ConfigChangeTopic.NONE;
    }
}
