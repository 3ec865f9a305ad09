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
 * @param userName        User-Name to return (endpoint name override), or null
 * @param reason          human-readable reason, for events
 * @param endpoint        the matched endpoint, or null
 * @param nacruleId       the rule that decided, or null (no rule engine yet)
 */
public record PolicyDecision(boolean allow, String vlan, String vlanSource, String role, String userName,
                             String reason, Endpoint endpoint, String nacruleId, String nacruleName,
                             List<String> labels) {

    public PolicyDecision {
        labels = labels == null ? List.of() : List.copyOf(labels);
    }

    public static PolicyDecision deny(String reason) {
        return new PolicyDecision(false, null, null, null, null, reason, null, null, null, List.of());
    }
}
