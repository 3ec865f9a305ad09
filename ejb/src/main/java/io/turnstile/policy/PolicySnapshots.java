package io.turnstile.policy;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The compiled policies of this node: an immutable map org → {@link PolicySnapshot} in one {@link AtomicReference},
 * replaced as a whole (copy on write; changes are rare, requests many). A request reads the reference once and so
 * sees one consistent policy; the database is never read per request, only the first time an org is seen.
 * <ul>
 *   <li>this node's changes: {@link PolicyChanged} observed after commit recompiles the org at once;</li>
 *   <li>other nodes' changes: {@link PolicyRefresher} compares the stored versions every few seconds and recompiles
 *   the orgs whose version moved.</li>
 * </ul>
 */
@ApplicationScoped
public class PolicySnapshots {

    private static final Logger LOG = Logger.getLogger(PolicySnapshots.class.getName());

    private final AtomicReference<Map<String, PolicySnapshot>> current = new AtomicReference<>(Map.of());
    private final Object loadLock = new Object();

    @Inject
    NacPolicyService store;

    public PolicySnapshot get(String orgId) {
        PolicySnapshot s = current.get().get(orgId);
        return s != null ? s : load(orgId, -1);
    }

    void onChange(@Observes(during = TransactionPhase.AFTER_SUCCESS) PolicyChanged change) {
        load(change.orgId(), -1);
    }

    /** Reloads every org whose stored version differs from its snapshot's. */
    public void refreshChanged() {
        Map<String, PolicySnapshot> loaded = current.get();
        if (loaded.isEmpty()) {
            return;
        }
        Map<String, Long> versions = store.versions();
        loaded.forEach((org, snapshot) -> {
            long stored = versions.getOrDefault(org, 0L);
            if (stored != snapshot.version()) {
                load(org, stored);
            }
        });
    }

    /** Loads and publishes one org; keeps the old snapshot (and logs) if the stored policy no longer compiles. */
    private PolicySnapshot load(String orgId, long expected) {
        synchronized (loadLock) {
            PolicySnapshot existing = current.get().get(orgId);
            if (existing != null && expected >= 0 && existing.version() == expected) {
                return existing;
            }
            PolicySnapshot fresh;
            try {
                fresh = store.load(orgId);
            } catch (RuntimeException e) {
                if (existing != null) {
                    LOG.log(Level.WARNING, "policy of org " + orgId + " could not be reloaded; keeping version "
                            + existing.version(), e);
                    return existing;
                }
                throw e;
            }
            Map<String, PolicySnapshot> next = new HashMap<>(current.get());
            next.put(orgId, fresh);
            current.set(Map.copyOf(next));
            return fresh;
        }
    }
}
