package io.turnstile.org;

/** CDI event: a token was stored; observed after commit to add it to the authentication cache. */
public record TokenIssued(String keyHash, ApiPrincipal principal) {
}
