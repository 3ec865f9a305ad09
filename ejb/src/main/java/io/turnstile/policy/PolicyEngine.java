package io.turnstile.policy;

import io.turnstile.endpoints.Endpoint;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Evaluates a {@link PolicySnapshot} against the facts of one request: the first enabled, non-dry-run rule whose
 * conditions hold decides; no match is a reject. The engine does not care which authentication method produced the
 * facts. Pure and thread-safe; the request path ({@link #decide}) allocates only the decision.
 *
 * <p>Without any rule, Turnstile's <b>implicit default rule</b> applies, so fresh installs and MAB-only setups work:
 * MAB is allowed only for known endpoints (with their own VLAN, role and name); an EAP authentication that succeeded
 * (facts reach policy only then) is allowed with no VLAN.
 */
public final class PolicyEngine {

    public static final String DEFAULT_RULE = "Turnstile implicit default rule";

    /** Returned by condition checks when no explanation is wanted, so the hot path builds no strings. */
    private static final String FAILED = "failed";

    private PolicyEngine() {
    }

    /** One earlier rule and why it did not decide, for the policy test endpoint. */
    public record RuleTrace(String nacruleId, String name, int order, String outcome, String failedCondition) {
    }

    /** A decision with the trace of every rule evaluated before (and including) the deciding one. */
    public record Explanation(PolicyDecision decision, List<RuleTrace> rules) {
    }

    public static PolicyDecision decide(PolicySnapshot policy, AccessRequestFacts facts, Endpoint endpoint) {
        return evaluate(policy, facts, endpoint, null);
    }

    public static Explanation explain(PolicySnapshot policy, AccessRequestFacts facts, Endpoint endpoint) {
        List<RuleTrace> trace = new ArrayList<>();
        PolicyDecision d = evaluate(policy, facts, endpoint, trace);
        return new Explanation(d, trace);
    }

    private static PolicyDecision evaluate(PolicySnapshot policy, AccessRequestFacts facts, Endpoint endpoint,
                                           List<RuleTrace> trace) {
        if (!policy.hasRules()) {
            return implicitDefault(facts, endpoint);
        }
        boolean explain = trace != null;
        RequestView view = new RequestView(facts, endpoint);
        CompiledRule dryrunHit = null;
        List<CompiledRule> rules = policy.rules();
        // an explanation lists every rule; a decision only looks at the rules the index leaves possible
        long[] candidates = explain ? null : policy.index().candidates(view);
        for (int i = 0; i < rules.size(); i++) {
            if (candidates != null) {
                int w = i >>> 6;
                long bits = candidates[w] & (-1L << i);
                if (bits == 0) {
                    // jump to the next word with a candidate
                    while (++w < candidates.length && candidates[w] == 0) {
                        // skip empty words
                    }
                    if (w >= candidates.length) {
                        break;
                    }
                    bits = candidates[w];
                }
                i = (w << 6) + Long.numberOfTrailingZeros(bits);
            }
            CompiledRule c = rules.get(i);
            NacRule r = c.rule();
            if (!r.enabled()) {
                if (explain) {
                    trace.add(new RuleTrace(r.id(), r.name(), r.order(), "disabled", null));
                }
                continue;
            }
            String failed = firstFailure(c, view, explain);
            if (r.dryrun()) {
                if (failed == null && dryrunHit == null) {
                    dryrunHit = c;
                }
                if (explain) {
                    trace.add(new RuleTrace(r.id(), r.name(), r.order(),
                            failed == null ? "dryrun_matched" : "dryrun_not_matched", failed));
                }
                continue;
            }
            if (failed != null) {
                if (explain) {
                    trace.add(new RuleTrace(r.id(), r.name(), r.order(), "not_matched", failed));
                }
                continue;
            }
            if (explain) {
                trace.add(new RuleTrace(r.id(), r.name(), r.order(), "matched", null));
            }
            return dryrun(policy, dryrunHit, apply(c, facts, endpoint));
        }
        return dryrun(policy, dryrunHit, new PolicyDecision(false, null, null, null, null,
                "no enabled rule matched", endpoint, null, null, labels(endpoint), Boolean.FALSE, null, null, null));
    }

    private static PolicyDecision dryrun(PolicySnapshot policy, CompiledRule hit, PolicyDecision d) {
        if (!policy.hasDryrun()) {
            return d;
        }
        return d.withDryrun(hit == null ? null : hit.rule().id(), hit != null);
    }

    private static PolicyDecision implicitDefault(AccessRequestFacts facts, Endpoint e) {
        if (facts.authType() != AuthType.MAB) {
            return new PolicyDecision(true, null, null, null, null, DEFAULT_RULE + ": " + facts.authType().contractName()
                    + " authentication succeeded", e, null, null, labels(e));
        }
        if (facts.mac() == null) {
            return PolicyDecision.deny(DEFAULT_RULE + ": no client MAC address in the request");
        }
        if (e == null) {
            return PolicyDecision.deny(DEFAULT_RULE + ": MAC " + facts.mac().compact()
                    + " is not in the endpoints database");
        }
        String vlan = blankToNull(e.vlan());
        return new PolicyDecision(true, vlan, vlan == null ? null : "usermac", blankToNull(e.role()),
                blankToNull(e.name()), DEFAULT_RULE + ": known endpoint", e, null, null, e.labels());
    }

    private static PolicyDecision apply(CompiledRule c, AccessRequestFacts facts, Endpoint e) {
        NacRule r = c.rule();
        if (r.action() == NacRule.Action.BLOCK) {
            return new PolicyDecision(false, null, null, null, null, "blocked by rule '" + r.name() + "'", e, r.id(),
                    r.name(), labels(e), Boolean.TRUE, null, null, null);
        }
        AppliedTags a = c.reply();
        String vlan = a.vlan();
        String vlanSource = vlan == null ? null : "nactag";
        if (a.vlanOverride() && e != null && blankToNull(e.vlan()) != null) {
            vlan = e.vlan();
            vlanSource = "usermac";
        }
        String role = a.role();
        if (a.roleOverride() && e != null && blankToNull(e.role()) != null) {
            role = e.role();
        }
        String name = a.usernameAttr() == null ? null : a.usernameAttr().pick(facts);
        if (a.userNameOverride() && e != null && blankToNull(e.name()) != null) {
            name = e.name();
        }
        return new PolicyDecision(true, vlan, vlanSource, role, name, "allowed by rule '" + r.name() + "'", e, r.id(),
                r.name(), labels(e), Boolean.TRUE, a.extras(), null, null);
    }

    /**
     * The first condition of the rule that does not hold, or null when the rule matches. Conditions in the order an
     * administrator reads them: matching (auth type, port type, site, labels), then not_matching.
     */
    static String firstFailure(CompiledRule c, RequestView v, boolean explain) {
        AccessRequestFacts f = v.facts;
        Endpoint e = v.endpoint;
        if (c.authType() != null && c.authType() != f.authType()) {
            return explain ? "matching.auth_type: rule wants " + c.authType().contractName() + ", request is "
                    + f.authType().contractName() : FAILED;
        }
        if (c.portMask() != 0 && (c.portMask() & (1 << f.portType().ordinal())) == 0) {
            return explain ? "matching.port_types: rule wants " + c.rule().matching().portTypes().stream()
                    .map(PortType::contractName).toList() + ", request is " + f.portType().contractName() : FAILED;
        }
        if (c.siteIds().length > 0 && !contains(c.siteIds(), f.siteId())) {
            return explain ? "matching.site_ids: site " + f.siteId() + " is not listed" : FAILED;
        }
        ValueMatcher[] tags = c.tags();
        for (int i = 0; i < tags.length; i++) {
            if (!tags[i].matches(v)) {
                return explain ? "matching.nactags: label '" + c.tagDefs()[i].name() + "' (" + tags[i].match()
                        .contractName() + " " + c.tagDefs()[i].values() + ") did not match "
                        + ValueMatcher.fact(tags[i].match(), f, e) : FAILED;
            }
        }
        if (c.notAuthType() != null && c.notAuthType() == f.authType()) {
            return explain ? "not_matching.auth_type: request is " + f.authType().contractName() : FAILED;
        }
        if (c.notPortMask() != 0 && (c.notPortMask() & (1 << f.portType().ordinal())) != 0) {
            return explain ? "not_matching.port_types: request is " + f.portType().contractName() : FAILED;
        }
        if (c.notSiteIds().length > 0 && contains(c.notSiteIds(), f.siteId())) {
            return explain ? "not_matching.site_ids: site " + f.siteId() + " is listed" : FAILED;
        }
        ValueMatcher[] not = c.notTags();
        for (int i = 0; i < not.length; i++) {
            if (not[i].matches(v)) {
                return explain ? "not_matching.nactags: label '" + c.notTagDefs()[i].name() + "' matched "
                        + ValueMatcher.fact(not[i].match(), f, e) : FAILED;
            }
        }
        return null;
    }

    private static boolean contains(String[] ids, String id) {
        if (id == null) {
            return false;
        }
        for (String s : ids) {
            if (s.equalsIgnoreCase(id)) {
                return true;
            }
        }
        return false;
    }

    private static List<String> labels(Endpoint e) {
        return e == null ? List.of() : e.labels();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    /** For tests and messages: the ids of a snapshot's rules in evaluation order. */
    static List<String> order(PolicySnapshot p) {
        return Arrays.asList(p.rules().stream().map(c -> c.rule().id()).toArray(String[]::new));
    }
}
