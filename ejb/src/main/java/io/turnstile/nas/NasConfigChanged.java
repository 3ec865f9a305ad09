package io.turnstile.nas;

/** CDI event: the RADIUS client configuration of an org changed; observed after commit to rebuild the client table. */
public record NasConfigChanged(String orgId) {
}
