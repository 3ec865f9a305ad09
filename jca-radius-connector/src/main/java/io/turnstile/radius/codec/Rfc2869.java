package io.turnstile.radius.codec;

/** RFC 2869 (RADIUS Extensions): attribute types (§5). */
public final class Rfc2869 {

    private Rfc2869() {
    }

    public static final int ACCT_INPUT_GIGAWORDS = 52;
    public static final int ACCT_OUTPUT_GIGAWORDS = 53;
    public static final int EVENT_TIMESTAMP = 55;
    public static final int ARAP_PASSWORD = 70;
    public static final int ARAP_FEATURES = 71;
    public static final int ARAP_ZONE_ACCESS = 72;
    public static final int ARAP_SECURITY = 73;
    public static final int ARAP_SECURITY_DATA = 74;
    public static final int PASSWORD_RETRY = 75;
    public static final int PROMPT = 76;
    public static final int CONNECT_INFO = 77;
    public static final int CONFIGURATION_TOKEN = 78;
    public static final int EAP_MESSAGE = 79;
    public static final int MESSAGE_AUTHENTICATOR = 80;
    public static final int ARAP_CHALLENGE_RESPONSE = 84;
    public static final int ACCT_INTERIM_INTERVAL = 85;
    public static final int NAS_PORT_ID = 87;
    public static final int FRAMED_POOL = 88;

    /** §5.14: the Message-Authenticator value is a 16-octet HMAC-MD5. */
    public static final int MESSAGE_AUTHENTICATOR_LENGTH = 16;
}
