package io.turnstile.sso;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;

import java.util.logging.Logger;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/**
 * The SAML SP's state for this node: the assertion replay cache and the pending AuthnRequests, shared by all
 * requests, with the validator and helpers that use them. In a cluster each node keeps its own (a replay to another
 * node within the assertion's validity is not caught: the admin plane's session store should then hold them).
 */
@ApplicationScoped
public class SamlEngine {

    private static final Logger LOG = Logger.getLogger(SamlEngine.class.getName());

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

    /**
     * Loads the XML security stack (Keycloak saml-core, the DOM parser, the metadata writer) at deployment, so the
     * first login does not pay for it and a broken class path shows at start rather than at an admin's login.
     */
    void warmUp(@Observes @Initialized(ApplicationScoped.class) Object started) {
        SamlSsoConfig probe = new SamlSsoConfig("-", "-", "warmup", "-", "-", null, "https://idp.invalid/", null, null,
                null, null, null, false, null, null, false, false);
        SpEndpoints sp = SpEndpoints.of("https://sp.invalid", "warmup");
        spMetadata.xml(probe, sp);
        SamlOutcome probed = validator.validate(probe, sp, "<x/>".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        LOG.info(() -> "SAML SP ready (Keycloak saml-core; probe refused as " + ((SamlLoginFailure) probed).reason() + ")");
    }

    public SamlResponseValidator validator() { return validator; }
    public SamlAuthnRequests authnRequests() { return authnRequests; }
    public SsoRoleMatcher roleMatcher() { return roleMatcher; }
    public SpMetadata spMetadata() { return spMetadata; }
}
