package io.turnstile.radius.inbound;

/** Why the adapter discarded a packet without answering. Each has its own counter. */
public enum DropReason {
    /** Source address is no configured RADIUS client (RFC 2865 §3: silently discard). */
    UNKNOWN_CLIENT,
    /** Header or attribute framing invalid (RFC 2865 §3, §5). */
    MALFORMED,
    /** Code not expected on this port (e.g. Accounting-Request on the authentication port). */
    UNEXPECTED_CODE,
    /** Accounting-Request / CoA Request Authenticator wrong (RFC 2866 §3). */
    BAD_AUTHENTICATOR,
    /** Message-Authenticator present but wrong (RFC 3579 §3.2). */
    BAD_MESSAGE_AUTHENTICATOR,
    /** Access-Request without Message-Authenticator from a client that must send it (BlastRADIUS, CVE-2024-3596). */
    MISSING_MESSAGE_AUTHENTICATOR,
    /** Retransmission of a request that is still being processed (RFC 5080 §2.2.2). */
    DUPLICATE_IN_PROGRESS,
    /** The work queue stayed full (back-pressure exhausted). */
    OVERLOAD,
    /** No application endpoint is active for this service yet. */
    NOT_READY,
    /** The application chose to discard (e.g. invalid EAP state). */
    APPLICATION,
    /** The application endpoint failed; logged at WARNING. */
    ENDPOINT_FAILURE
}
