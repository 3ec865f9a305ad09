package io.turnstile.policy;

import java.util.Map;

/**
 * Labels ({@code nactags}) and rules ({@code nacrules}) of an org. Every change is validated together with the rest of
 * the org's policy (it must compile: {@link PolicyCompiler}) and bumps the org's policy version in the same
 * transaction; after commit the new policy applies to the next request of this node and, within a few seconds, of
 * the other nodes.
 */
public interface NacPolicyService {

    PolicyPage<NacTag> listTags(String orgId, String type, String name, String match, int limit, int page);

    NacTag getTag(String orgId, String tagId);

    NacTag createTag(String orgId, Map<String, Object> body);

    NacTag updateTag(String orgId, String tagId, Map<String, Object> body);

    void deleteTag(String orgId, String tagId);

    PolicyPage<NacRule> listRules(String orgId, int limit, int page);

    NacRule getRule(String orgId, String ruleId);

    NacRule createRule(String orgId, Map<String, Object> body);

    NacRule updateRule(String orgId, String ruleId, Map<String, Object> body);

    void deleteRule(String orgId, String ruleId);

    /** The org's current policy, compiled (empty when it has none). */
    PolicySnapshot load(String orgId);

    /** Every org's policy version. */
    Map<String, Long> versions();
}
