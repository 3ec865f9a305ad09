package io.turnstile.policy;

/** Evaluates facts against an org's current policy with a trace of every rule (the policy test endpoint). */
public interface PolicyExplainer {

    PolicyEngine.Explanation explain(AccessRequestFacts facts);
}
