package io.turnstile.sso;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The SAML SP's state for this node: the assertion replay cache and the pending AuthnRequests, shared by all
 * requests, with the validator and helpers that use them. In a cluster each node keeps its own (a replay to another
 * node within the assertion's validity is not caught: the admin plane's session store should then hold them).
 */
@ApplicationScoped
public class SamlEngine {

    static final int REPLAY_CACHE_ENTRIES = 100_000;
    static final int PENDING_REQUESTS = 10_000;
    static final Duration PENDING_TTL = Duration.ofMinutes(15);

    @Inject
    Clock clock;

    @Inject
    SecureRandom random;

    private SamlResponseValidator validator;
    private SamlAuthnRequests authnRequests;
    private final SsoRoleMatcher roleMatcher = new SsoRoleMatcher();
    private final SpMetadata spMetadata = new SpMetadata();

    @PostConstruct
    void init() {
        PendingAuthnRequests pending = new PendingAuthnRequests(clock, random, PENDING_TTL, PENDING_REQUESTS);
        validator = new SamlResponseValidator(clock, new AssertionReplayCache(clock, REPLAY_CACHE_ENTRIES), pending);
        authnRequests = new SamlAuthnRequests(pending);
    }

    public SamlResponseValidator validator() { return validator; }
    public SamlAuthnRequests authnRequests() { return authnRequests; }
    public SsoRoleMatcher roleMatcher() { return roleMatcher; }
    public SpMetadata spMetadata() { return spMetadata; }
}
