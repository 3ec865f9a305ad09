package io.turnstile.identity;

/** CDI event: an sso entry was updated or deleted (fired after commit observers run), so its provider is dropped. */
public record SsoChanged(String orgId, String ssoId) {
}
