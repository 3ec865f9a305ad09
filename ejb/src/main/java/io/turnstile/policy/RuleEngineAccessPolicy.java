package io.turnstile.policy;

import io.turnstile.endpoints.Endpoint;
import io.turnstile.endpoints.EndpointDirectory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The auth policy of the RADIUS path: the org's compiled rules ({@link PolicySnapshots}) evaluated by
 * {@link PolicyEngine}, with the request's endpoint (usermac) from the cached {@link EndpointDirectory} for label
 * matches, overrides and the implicit default rule.
 */
@ApplicationScoped
public class RuleEngineAccessPolicy implements AccessPolicy, PolicyExplainer {

    @Inject
    PolicySnapshots snapshots;

    @Inject
    EndpointDirectory endpoints;

    @Override
    public PolicyDecision decide(AccessRequestFacts facts) {
        return PolicyEngine.decide(snapshots.get(facts.orgId()), facts, endpoint(facts));
    }

    @Override
    public PolicyEngine.Explanation explain(AccessRequestFacts facts) {
        return PolicyEngine.explain(snapshots.get(facts.orgId()), facts, endpoint(facts));
    }

    private Endpoint endpoint(AccessRequestFacts facts) {
        return facts.mac() == null ? null : endpoints.findByMac(facts.orgId(), facts.mac()).orElse(null);
    }
}
