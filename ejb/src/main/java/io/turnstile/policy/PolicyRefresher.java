package io.turnstile.policy;

import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Picks up policy changes made on other cluster nodes: every 2 seconds one query of the org versions, and a recompile
 * of the orgs that changed. Non-persistent, so every node runs its own.
 */
@Singleton
@Startup
public class PolicyRefresher {

    private static final Logger LOG = Logger.getLogger(PolicyRefresher.class.getName());

    @Inject
    PolicySnapshots snapshots;

    @Schedule(hour = "*", minute = "*", second = "*/2", persistent = false)
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void refresh() {
        try {
            snapshots.refreshChanged();
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "policy version check failed", e);
        }
    }
}
