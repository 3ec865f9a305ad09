package io.turnstile.radius.codec;

/**
 * A datagram that is not a well-formed RADIUS packet (RFC 2865 §3, §5). Such packets are silently discarded by the
 * receiver; the {@link #reason()} is for counters and debug logs.
 *
 * <p>The exception carries no stack trace: it is thrown on the receive path for outside input and a flood of garbage
 * must not cost a stack walk per datagram.
 */
public final class MalformedPacketException extends Exception {

    private static final long serialVersionUID = 1L;

    /** Why a datagram was rejected. */
    public enum Reason {
        /** Fewer than 20 octets received, or Length field below 20 (RFC 2865 §3). */
        TOO_SHORT,
        /** Length field above 4096 (RFC 2865 §3). */
        TOO_LONG,
        /** Length field larger than the octets received (RFC 2865 §3: "MUST be silently discarded"). */
        LENGTH_MISMATCH,
        /** An attribute Length below 2 (RFC 2865 §5). */
        BAD_ATTRIBUTE_LENGTH,
        /** An attribute (or its header) runs past the end of the packet (RFC 2865 §5). */
        TRUNCATED_ATTRIBUTE,
        /** A Code this codec does not accept (RFC 2865 §3: unknown Codes are silently discarded). */
        UNKNOWN_CODE
    }

    private final Reason reason;

    public MalformedPacketException(Reason reason, String message) {
        super(reason + ": " + message, null, false, false);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
