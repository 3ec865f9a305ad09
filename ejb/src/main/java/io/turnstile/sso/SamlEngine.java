package io.turnstile.sso;

import java.time.Clock;

import java.util.logging.Logger;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/**
 * The SAML SP: the validator and helpers, with the replay check and the pending AuthnRequests kept in the database
 * ({@link SamlStateBean}), so that in a cluster a replay to another node is refused and an SP-initiated response may
 * arrive at any node.
 */
@ApplicationScoped
public class SamlEngine {

    private static final Logger LOG = Logger.getLogger(SamlEngine.class.getName());

    @Inject
    Clock clock;

    @Inject
    AssertionReplayCheck replayCheck;

    @Inject
    AuthnRequestTracker pendingRequests;

    private SamlResponseValidator validator;
    private SamlAuthnRequests authnRequests;
    private final SsoRoleMatcher roleMatcher = new SsoRoleMatcher();
    private final SpMetadata spMetadata = new SpMetadata();

    @PostConstruct
    void init() {
        validator = new SamlResponseValidator(clock, replayCheck, pendingRequests);
        authnRequests = new SamlAuthnRequests(pendingRequests);
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
