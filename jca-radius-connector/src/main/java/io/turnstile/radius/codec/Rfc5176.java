package io.turnstile.radius.codec;

/** RFC 5176 (Dynamic Authorization Extensions): codes (§2.3), Error-Cause attribute (§3.5) and its values. */
public final class Rfc5176 {

    private Rfc5176() {
    }

    public static final int DISCONNECT_REQUEST = 40;
    public static final int DISCONNECT_ACK = 41;
    public static final int DISCONNECT_NAK = 42;
    public static final int COA_REQUEST = 43;
    public static final int COA_ACK = 44;
    public static final int COA_NAK = 45;

    public static final int ERROR_CAUSE = 101;

    // §3.5 Error-Cause values
    public static final int RESIDUAL_SESSION_CONTEXT_REMOVED = 201;
    public static final int INVALID_EAP_PACKET = 202;
    public static final int UNSUPPORTED_ATTRIBUTE = 401;
    public static final int MISSING_ATTRIBUTE = 402;
    public static final int NAS_IDENTIFICATION_MISMATCH = 403;
    public static final int INVALID_REQUEST = 404;
    public static final int UNSUPPORTED_SERVICE = 405;
    public static final int UNSUPPORTED_EXTENSION = 406;
    public static final int INVALID_ATTRIBUTE_VALUE = 407;
    public static final int ADMINISTRATIVELY_PROHIBITED = 501;
    public static final int REQUEST_NOT_ROUTABLE = 502;
    public static final int SESSION_CONTEXT_NOT_FOUND = 503;
    public static final int SESSION_CONTEXT_NOT_REMOVABLE = 504;
    public static final int OTHER_PROXY_PROCESSING_ERROR = 505;
    public static final int RESOURCES_UNAVAILABLE = 506;
    public static final int REQUEST_INITIATED = 507;
    public static final int MULTIPLE_SESSION_SELECTION_UNSUPPORTED = 508;
}
