package io.turnstile.endpoints;

import io.turnstile.persistence.endpoints.UsermacRepository;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Endpoint lookups for the RADIUS path (MAB at thousands of requests per second), served from memory.
 * <p>
 * Design: a read-through {@link EndpointCache} keyed by (org, mac) that also remembers misses (an unknown MAC is the
 * common MAB case and must not cost a query each time). Freshness:
 * <ul>
 *   <li>this node's writes: every {@link EndpointService} write fires {@link EndpointsChanged}; it is observed
 *   {@code AFTER_SUCCESS}, i.e. after commit (never for a rolled-back write), and invalidates the whole org. A lookup
 *   that raced with the write is not kept (see {@link EndpointCache}).</li>
 *   <li>other cluster nodes' writes: entries live at most {@code turnstile.endpoints.cache.ttl-seconds} (default 5),
 *   so a change made elsewhere is seen within that time, without a distributed cache or messages.</li>
 *   <li>memory: at most {@code turnstile.endpoints.cache.max-entries} (default 100,000) entries.</li>
 * </ul>
 * A miss costs two indexed reads: the row by {@code (org_id, mac)}, then its labels.
 */
@ApplicationScoped
public class CachedEndpointDirectory implements EndpointDirectory {

    @PersistenceContext(unitName = "turnstile")
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "turnstile.endpoints.cache.ttl-seconds", defaultValue = "5")
    long ttlSeconds;

    @Inject
    @ConfigProperty(name = "turnstile.endpoints.cache.max-entries", defaultValue = "100000")
    int maxEntries;

    private EndpointCache cache;

    @PostConstruct
    void start() {
        cache = new EndpointCache(clock, Duration.ofSeconds(ttlSeconds), maxEntries);
    }

    @Override
    public Optional<Endpoint> findByMac(String orgId, MacAddress mac) {
        return cache.get(orgId, mac.compact(), this::load);
    }

    void onChange(@Observes(during = TransactionPhase.AFTER_SUCCESS) EndpointsChanged change) {
        cache.invalidateOrg(change.orgId());
    }

    private Optional<Endpoint> load(String orgId, String mac) {
        UsermacRepository repository = new UsermacRepository(em);
        return repository.findByMac(orgId, mac).map(u -> EndpointMapping.toEndpoint(u,
                repository.labelsOf(List.of(u.getId())).getOrDefault(u.getId(), List.of())));
    }
}
