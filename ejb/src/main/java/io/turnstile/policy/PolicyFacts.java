package io.turnstile.policy;

import java.util.Map;

/**
 * The facts a decision used and its dry-run outcome, as the extra fields of a NAC event (returned as top-level event
 * fields, named as in the contract's {@code event_nac_client} where it has them).
 */
public final class PolicyFacts {

    private PolicyFacts() {
    }

    public static void record(AccessRequestFacts facts, PolicyDecision decision, Map<String, Object> out) {
        if (facts != null) {
            out.put("realm", facts.realm());
            out.put("idp_role", facts.idpGroups().isEmpty() ? null : facts.idpGroups());
            out.put("mdm_compliance", facts.mdmStatus());
            out.put("hostname", facts.hostname());
            out.put("ingress_vlan", facts.ingressVlan());
            out.put("nas_identifier", out.get("nas_identifier") != null ? out.get("nas_identifier")
                    : facts.nasIdentifier());
            out.put("idp_username", facts.innerIdentity());
            if (facts.certificate() != null) {
                out.putAll(facts.certificate().eventFields());
            }
        }
        if (decision.dryrunMatched() != null) {
            out.put("dryrun_nacrule_id", decision.dryrunNacruleId());
            out.put("dryrun_nacrule_matched", decision.dryrunMatched());
        }
        if (decision.extras().nacportalId() != null) {
            out.put("nacportal_id", decision.extras().nacportalId());
        }
    }
}
