package io.turnstile.eap;

/** RFC 3748 (Extensible Authentication Protocol): codes (§4) and method types (§5, IANA "EAP Method Types"). */
public final class Rfc3748 {

    private Rfc3748() {
    }

    public static final int REQUEST = 1;
    public static final int RESPONSE = 2;
    public static final int SUCCESS = 3;
    public static final int FAILURE = 4;

    public static final int TYPE_IDENTITY = 1;
    public static final int TYPE_NOTIFICATION = 2;
    /** §5.3.1: Legacy Nak, a Response listing the types the peer would rather use. */
    public static final int TYPE_NAK = 3;
    /** RFC 5216 / RFC 9190. */
    public static final int TYPE_TLS = 13;
    public static final int TYPE_TTLS = 21;
    public static final int TYPE_PEAP = 25;
    /** RFC 7170 §4.1: TEAP. */
    public static final int TYPE_TEAP = 55;
    /** §5.7: Expanded Types, not offered by Turnstile. */
    public static final int TYPE_EXPANDED = 254;

    /** §4: Code (1), Identifier (1), Length (2). */
    public static final int HEADER_LENGTH = 4;
}
