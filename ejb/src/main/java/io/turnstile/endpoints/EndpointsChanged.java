package io.turnstile.endpoints;

/**
 * CDI event fired by every {@link EndpointService} write, observed after commit by the {@link EndpointDirectory} cache.
 */
public record EndpointsChanged(String orgId) {
}
