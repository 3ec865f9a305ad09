package io.turnstile.pki;

/** CDI event: an organisation's CA or server certificate was created or renewed (fired by {@link OrgPki}). */
public record PkiChanged(String orgId) {
}
