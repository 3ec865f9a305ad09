package io.turnstile.policy;

import io.turnstile.endpoints.Endpoint;
import io.turnstile.endpoints.EndpointDirectory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.Optional;

/**
 * MAC Authentication Bypass against the endpoints database: a known MAC is allowed with its own VLAN, role and name;
 * an unknown MAC is denied.
 */
@ApplicationScoped
public class EndpointAccessPolicy implements AccessPolicy {

    private final EndpointDirectory endpoints;

    @Inject
    public EndpointAccessPolicy(EndpointDirectory endpoints) {
        this.endpoints = endpoints;
    }

    /** For CDI proxies. */
    protected EndpointAccessPolicy() {
        this.endpoints = null;
    }

    @Override
    public PolicyDecision decide(AccessRequestFacts facts) {
        if (facts.authType() != AuthType.MAB && facts.certificate() != null) {
            // The EAP method only reports a certificate it validated (chain, dates, key, clientAuth).
            return new PolicyDecision(true, null, null, null, null, "client certificate validated", null, null, null,
                    java.util.List.of());
        }
        if (facts.authType() != AuthType.MAB) {
            return PolicyDecision.deny("authentication type " + facts.authType().contractName() + " is not supported yet");
        }
        if (facts.mac() == null) {
            return PolicyDecision.deny("no client MAC address in the request");
        }
        Optional<Endpoint> found = endpoints.findByMac(facts.orgId(), facts.mac());
        if (found.isEmpty()) {
            return PolicyDecision.deny("MAC " + facts.mac().compact() + " is not in the endpoints database");
        }
        Endpoint e = found.get();
        String vlan = blankToNull(e.vlan());
        return new PolicyDecision(true, vlan, vlan == null ? null : "usermac", blankToNull(e.role()),
                blankToNull(e.name()), "known endpoint", e, null, null, e.labels());
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
