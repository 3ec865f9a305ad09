package io.turnstile.radius.codec;

/** RFC 2548 (Microsoft Vendor-specific RADIUS Attributes): vendor ID and sub-attribute types (§2). */
public final class Rfc2548 {

    private Rfc2548() {
    }

    public static final int VENDOR_MICROSOFT = 311;

    public static final int MS_CHAP_RESPONSE = 1;
    public static final int MS_CHAP_ERROR = 2;
    public static final int MS_CHAP_CPW_1 = 3;
    public static final int MS_CHAP_CPW_2 = 4;
    public static final int MS_CHAP_LM_ENC_PW = 5;
    public static final int MS_CHAP_NT_ENC_PW = 6;
    public static final int MS_MPPE_ENCRYPTION_POLICY = 7;
    public static final int MS_MPPE_ENCRYPTION_TYPES = 8;
    public static final int MS_RAS_VENDOR = 9;
    public static final int MS_CHAP_DOMAIN = 10;
    public static final int MS_CHAP_CHALLENGE = 11;
    public static final int MS_CHAP_MPPE_KEYS = 12;
    public static final int MS_BAP_USAGE = 13;
    public static final int MS_LINK_UTILIZATION_THRESHOLD = 14;
    public static final int MS_LINK_DROP_TIME_LIMIT = 15;
    public static final int MS_MPPE_SEND_KEY = 16;
    public static final int MS_MPPE_RECV_KEY = 17;
    public static final int MS_RAS_VERSION = 18;
    public static final int MS_CHAP2_RESPONSE = 25;
    public static final int MS_CHAP2_SUCCESS = 26;
    public static final int MS_CHAP2_CPW = 27;
}
