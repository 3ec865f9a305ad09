package io.turnstile.eap;

import io.turnstile.radius.api.RadiusRequest;

/** Runs the EAP conversation an Access-Request belongs to (RFC 3579) one step further. */
public interface EapService {

    EapOutcome handle(RadiusRequest request);
}
