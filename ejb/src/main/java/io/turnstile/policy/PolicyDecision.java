package io.turnstile.policy;

import io.turnstile.endpoints.Endpoint;

import java.util.List;

/**
 * The outcome of policy for one request: allow or deny, with what to send back and why. Rendering into RADIUS
 * attributes for the NAS's vendor happens elsewhere ({@code ReplyRenderer}).
 *
 * @param vlan            VLAN id or name to assign, or null
 * @param vlanSource      where the VLAN came from ("usermac", "nactag"), for events
 * @param role            role / filter to assign, or null
 * @param userName        User-Name to return (certificate field or endpoint name), or null
 * @param reason          human-readable reason, for events
 * @param endpoint        the matched endpoint, or null
 * @param nacruleId       the rule that decided, or null (implicit default rule)
 * @param nacruleMatched  true when a rule decided, false when rules exist and none matched, null without rules
 * @param extras          further reply content from labels (egress VLANs, timeout, GBP, custom attributes)
 * @param dryrunNacruleId the first dry-run rule that matched before the deciding rule, or null
 * @param dryrunMatched   whether a dry-run rule matched (null when the policy has no dry-run rules)
 */
public record PolicyDecision(boolean allow, String vlan, String vlanSource, String role, String userName,
                             String reason, Endpoint endpoint, String nacruleId, String nacruleName,
                             List<String> labels, Boolean nacruleMatched, ReplyExtras extras,
                             String dryrunNacruleId, Boolean dryrunMatched) {

    public PolicyDecision {
        labels = labels == null ? List.of() : List.copyOf(labels);
        extras = extras == null ? ReplyExtras.NONE : extras;
    }

    /** A decision without rule engine details (the implicit default rule). */
    public PolicyDecision(boolean allow, String vlan, String vlanSource, String role, String userName, String reason,
                          Endpoint endpoint, String nacruleId, String nacruleName, List<String> labels) {
        this(allow, vlan, vlanSource, role, userName, reason, endpoint, nacruleId, nacruleName, labels,
                nacruleId == null ? null : Boolean.TRUE, ReplyExtras.NONE, null, null);
    }

    public static PolicyDecision deny(String reason) {
        return new PolicyDecision(false, null, null, null, null, reason, null, null, null, List.of());
    }

    /** The same decision with the dry-run outcome recorded. */
    public PolicyDecision withDryrun(String ruleId, Boolean matched) {
        return new PolicyDecision(allow, vlan, vlanSource, role, userName, reason, endpoint, nacruleId, nacruleName,
                labels, nacruleMatched, extras, ruleId, matched);
    }
}
