package io.turnstile.policy;

import java.util.List;

/**
 * The contract's {@code nac_rule_matching} as far as Turnstile has facts for it. In {@code matching} every given field
 * must hold (and every listed label must match); in {@code not_matching} any given field that holds (or any listed
 * label that matches) excludes the request. Fingerprint fields (family, mfg, model, os_type, vendor) and sitegroups
 * have no facts in Turnstile and are refused when given.
 */
public record RuleConditions(AuthType authType, List<PortType> portTypes, List<String> siteIds,
                             List<String> nactags) {

    public static final RuleConditions NONE = new RuleConditions(null, List.of(), List.of(), List.of());

    public RuleConditions {
        portTypes = portTypes == null ? List.of() : List.copyOf(portTypes);
        siteIds = siteIds == null ? List.of() : List.copyOf(siteIds);
        nactags = nactags == null ? List.of() : List.copyOf(nactags);
    }

    public boolean isEmpty() {
        return authType == null && portTypes.isEmpty() && siteIds.isEmpty() && nactags.isEmpty();
    }
}
