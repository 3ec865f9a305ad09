package io.turnstile.org;

/** CDI event: a token was changed or deleted; observed after commit to reload the authentication cache. */
public record TokensChanged(String orgId) {
}
