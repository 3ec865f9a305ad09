package io.turnstile.radius;

import io.turnstile.radius.api.RadiusReply;
import io.turnstile.radius.api.RadiusRequest;

/** Records one Accounting-Request and answers it once the record is on disk (RFC 2866 §2). */
public interface AccountingRequestService {

    RadiusReply account(RadiusRequest request);
}
