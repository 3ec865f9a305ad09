package io.turnstile.radius;

import io.turnstile.radius.api.RadiusReply;
import io.turnstile.radius.api.RadiusRequest;

/** Authenticates one Access-Request: work out the method and facts, ask policy, render the reply, record events. */
public interface AccessRequestService {

    RadiusReply authenticate(RadiusRequest request);
}
