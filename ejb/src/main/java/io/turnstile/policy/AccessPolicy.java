package io.turnstile.policy;

/**
 * Decides an access request from its facts. The first implementation is the endpoints database for MAB; the ordered
 * first-match rule engine (nacrules/nactags) replaces it behind this same interface.
 */
public interface AccessPolicy {

    PolicyDecision decide(AccessRequestFacts facts);
}
