package io.turnstile.policy;

import java.util.List;

/**
 * A rule ({@code nacrule} in the contract). Rules are tried by ascending {@code order} (then creation time); the first
 * enabled rule whose {@code matching} holds and whose {@code not_matching} does not decides.
 *
 * @param dryrun Turnstile extension: evaluated and recorded in events ({@code dryrun_nacrule_*}) but never decides
 */
public record NacRule(String id, String orgId, String name, int order, boolean enabled, Action action,
                      RuleConditions matching, RuleConditions notMatching, List<String> applyTags, boolean dryrun,
                      long createdTime, long modifiedTime) {

    /** The contract's {@code nac_rule_action}. */
    public enum Action {
        ALLOW("allow"), BLOCK("block");

        private final String contractName;

        Action(String contractName) {
            this.contractName = contractName;
        }

        public String contractName() {
            return contractName;
        }
    }

    public NacRule {
        matching = matching == null ? RuleConditions.NONE : matching;
        notMatching = notMatching == null ? RuleConditions.NONE : notMatching;
        applyTags = applyTags == null ? List.of() : List.copyOf(applyTags);
    }
}
