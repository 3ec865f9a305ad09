package io.turnstile.policy;

/**
 * A rule ready for evaluation: conditions as arrays and bit masks, labels as {@link ValueMatcher}s, the reply of its
 * {@code apply_tags} merged in advance.
 *
 * @param portMask      bit per {@link PortType} ordinal, 0 when the rule does not look at the port type
 * @param siteIds       lower-case site ids, empty when the rule does not look at the site
 * @param tags          match labels that must all match
 * @param notPortMask   as portMask, for not_matching
 * @param notTags       match labels of which none may match
 */
public record CompiledRule(NacRule rule, AuthType authType, int portMask, String[] siteIds, NacTag[] tagDefs,
                           ValueMatcher[] tags, AuthType notAuthType, int notPortMask, String[] notSiteIds,
                           NacTag[] notTagDefs, ValueMatcher[] notTags, AppliedTags reply) {
}
