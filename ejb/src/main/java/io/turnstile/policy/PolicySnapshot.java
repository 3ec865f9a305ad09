package io.turnstile.policy;

import java.util.List;
import java.util.Map;

/**
 * One org's policy compiled for the request path: rules in evaluation order with their labels resolved. Immutable; a
 * change compiles a new snapshot that replaces the old one in a single reference write, so a request sees either the
 * whole old policy or the whole new one.
 *
 * @param version the org's policy version this was compiled from (bumped by every change)
 */
public record PolicySnapshot(String orgId, long version, List<CompiledRule> rules, Map<String, NacTag> tags,
                             boolean hasDryrun, RuleIndex index) {

    public PolicySnapshot {
        rules = List.copyOf(rules);
        tags = Map.copyOf(tags);
    }

    PolicySnapshot(String orgId, long version, List<CompiledRule> rules, Map<String, NacTag> tags, boolean hasDryrun) {
        this(orgId, version, rules, tags, hasDryrun, RuleIndex.build(rules));
    }

    public static PolicySnapshot empty(String orgId, long version) {
        return new PolicySnapshot(orgId, version, List.of(), Map.of(), false, RuleIndex.EMPTY);
    }

    /** Without any rule the implicit default rule applies (see {@link PolicyEngine}). */
    public boolean hasRules() {
        return !rules.isEmpty();
    }
}
