package io.turnstile.policy;

/** CDI event: an org's labels or rules changed (fired inside the changing transaction, observed after commit). */
public record PolicyChanged(String orgId) {
}
