package io.turnstile.pki;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

import java.util.logging.Logger;

/**
 * Gives every organisation its CA and a current server certificate: at start-up, after the organisation bootstrap
 * ({@code OrgBootstrap}) has created the first organisation, and daily (renewal when less than 30 days remain).
 * Organisations created later get theirs on first use ({@link OrgCertificateAuthority} creates what is missing), or at
 * the next daily run. Failures are logged and do not stop the deployment: UDP RADIUS works without a PKI, and the
 * next use retries.
 */
@Singleton
@Startup
@DependsOn({"SchemaMigrator", "OrgBootstrap"})
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class PkiBootstrap {

    private static final Logger LOG = Logger.getLogger(PkiBootstrap.class.getName());

    @Inject
    OrgCertificateAuthority authority;

    @PostConstruct
    void atStartup() {
        run("start-up");
    }

    /** Daily, at a quiet hour (server time); not persistent: every node checks, the storage settles races. */
    @Schedule(hour = "3", minute = "17", persistent = false, info = "org PKI renewal check")
    void daily() {
        run("daily check");
    }

    private void run(String when) {
        try {
            int failed = authority.ensureAll();
            if (failed > 0) {
                LOG.warning(() -> "Organisation PKI " + when + ": " + failed + " organisation(s) not up to date");
            }
        } catch (RuntimeException e) {
            LOG.log(java.util.logging.Level.SEVERE, "Organisation PKI " + when + " failed", e);
        }
    }
}
