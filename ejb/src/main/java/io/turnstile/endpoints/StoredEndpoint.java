package io.turnstile.endpoints;

import java.time.Instant;

/** A usermac as stored: the endpoint and when it was created and last changed. */
public record StoredEndpoint(Endpoint endpoint, Instant createdTime, Instant modifiedTime) {
}
