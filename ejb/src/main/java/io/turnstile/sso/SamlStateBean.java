package io.turnstile.sso;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import javax.sql.DataSource;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Local;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

/**
 * The server's SAML SP state, shared by all cluster nodes through the database ({@link DatabaseSamlState}). Each call
 * commits on its own (REQUIRES_NEW): an assertion id or AuthnRequest id, once used, stays used even when the rest of
 * the login fails.
 */
@Stateless
@Local({AssertionReplayCheck.class, AuthnRequestTracker.class})
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class SamlStateBean implements AssertionReplayCheck, AuthnRequestTracker {

    static final int REPLAY_ENTRIES = 100_000;
    static final int PENDING_REQUESTS = 10_000;
    static final Duration PENDING_TTL = Duration.ofMinutes(15);

    @Resource(lookup = "jdbc/turnstile")
    DataSource dataSource;

    @Inject
    Clock clock;

    @Inject
    SecureRandom random;

    private DatabaseSamlState state;

    @PostConstruct
    void init() {
        state = new DatabaseSamlState(dataSource, clock, random, PENDING_TTL, REPLAY_ENTRIES, PENDING_REQUESTS);
    }

    @Override
    public Use firstUse(String assertionId, Instant expires) {
        return state.firstUse(assertionId, expires);
    }

    @Override
    public String issue(String domain) {
        return state.issue(domain);
    }

    @Override
    public boolean consume(String domain, String id) {
        return state.consume(domain, id);
    }
}
