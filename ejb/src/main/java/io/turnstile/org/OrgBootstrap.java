package io.turnstile.org;

import io.turnstile.persistence.org.OrgRepository;
import io.turnstile.persistence.org.OrganisationEntity;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Logger;

/**
 * First start: creates the organisation "Default" and an admin API token, whose key is {@code TURNSTILE_BOOTSTRAP_TOKEN}
 * if set (at least 20 characters) or else generated and printed once to the log ({@code Bootstrap API token: ...}).
 * Later starts change nothing, except that a bootstrap token not stored yet is added to the oldest organisation (see
 * {@link BootstrapPlan}).
 *
 * <p>Two nodes starting for the very first time at the same moment on an empty database could both create an
 * organisation; start one node first.
 */
@Singleton
@Startup
@DependsOn({"SchemaMigrator", "TokenServiceBean"})
public class OrgBootstrap {

    private static final Logger LOG = Logger.getLogger(OrgBootstrap.class.getName());

    static final String DEFAULT_ORG_NAME = "Default";
    static final String BOOTSTRAP_TOKEN_NAME = "bootstrap";

    @PersistenceContext(unitName = "turnstile")
    EntityManager em;

    @Inject
    TokenService tokens;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "turnstile.bootstrap.token")
    Optional<String> bootstrapToken;

    @PostConstruct
    @TransactionAttribute(TransactionAttributeType.REQUIRED)
    void bootstrap() {
        OrgRepository repo = new OrgRepository(em);
        BootstrapPlan plan = BootstrapPlan.decide(bootstrapToken, repo.tokenCount() > 0, tokens::exists);
        List<OrganisationEntity> orgs = repo.organisations();
        OrganisationEntity org;
        if (orgs.isEmpty()) {
            org = new OrganisationEntity(UUID.randomUUID().toString(), DEFAULT_ORG_NAME, clock.millis());
            repo.persist(org);
            LOG.info(() -> "Created organisation " + DEFAULT_ORG_NAME + " (" + org.getId() + ")");
        } else {
            org = orgs.get(0);
        }
        switch (plan) {
            case REGISTER_CONFIGURED -> {
                tokens.register(org.getId(), BOOTSTRAP_TOKEN_NAME, ApiRole.ADMIN, bootstrapToken.orElseThrow().trim());
                LOG.info(() -> "Added the admin API token from TURNSTILE_BOOTSTRAP_TOKEN to organisation "
                        + org.getName() + " (" + org.getId() + ")");
            }
            case GENERATE -> {
                IssuedToken token = tokens.issue(org.getId(), BOOTSTRAP_TOKEN_NAME, ApiRole.ADMIN);
                // Printed once, by design: this is the only way to learn a generated bootstrap key.
                LOG.warning("Bootstrap API token: " + token.key() + " (admin of organisation " + org.getName() + " "
                        + org.getId() + "; shown only now, store it safely)");
            }
            case NOTHING -> {
            }
        }
    }
}
