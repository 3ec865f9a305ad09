package io.turnstile.radius.api;

/** How a RADIUS packet reached Turnstile. */
public enum Transport {
    /** RADIUS over UDP, RFC 2865 (authentication) and RFC 2866 (accounting). */
    UDP,
    /** RADIUS over TLS, RFC 6614. */
    RADSEC
}
