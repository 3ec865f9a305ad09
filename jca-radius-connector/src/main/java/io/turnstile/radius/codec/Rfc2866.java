package io.turnstile.radius.codec;

/** RFC 2866 (RADIUS Accounting): codes (§3), attribute types (§5) and Acct-Status-Type values (§5.1). */
public final class Rfc2866 {

    private Rfc2866() {
    }

    // §3 / §4 packet codes
    public static final int ACCOUNTING_REQUEST = 4;
    public static final int ACCOUNTING_RESPONSE = 5;

    // §5 attribute types
    public static final int ACCT_STATUS_TYPE = 40;
    public static final int ACCT_DELAY_TIME = 41;
    public static final int ACCT_INPUT_OCTETS = 42;
    public static final int ACCT_OUTPUT_OCTETS = 43;
    public static final int ACCT_SESSION_ID = 44;
    public static final int ACCT_AUTHENTIC = 45;
    public static final int ACCT_SESSION_TIME = 46;
    public static final int ACCT_INPUT_PACKETS = 47;
    public static final int ACCT_OUTPUT_PACKETS = 48;
    public static final int ACCT_TERMINATE_CAUSE = 49;
    public static final int ACCT_MULTI_SESSION_ID = 50;
    public static final int ACCT_LINK_COUNT = 51;

    // §5.1 Acct-Status-Type values (Interim-Update is added by RFC 2869)
    public static final int START = 1;
    public static final int STOP = 2;
    public static final int INTERIM_UPDATE = 3;
    public static final int ACCOUNTING_ON = 7;
    public static final int ACCOUNTING_OFF = 8;

    // §5.6 Acct-Authentic values
    public static final int ACCT_AUTHENTIC_RADIUS = 1;
    public static final int ACCT_AUTHENTIC_LOCAL = 2;
    public static final int ACCT_AUTHENTIC_REMOTE = 3;

    // §5.10 Acct-Terminate-Cause values (the common ones)
    public static final int TERMINATE_USER_REQUEST = 1;
    public static final int TERMINATE_LOST_CARRIER = 2;
    public static final int TERMINATE_LOST_SERVICE = 3;
    public static final int TERMINATE_IDLE_TIMEOUT = 4;
    public static final int TERMINATE_SESSION_TIMEOUT = 5;
    public static final int TERMINATE_ADMIN_RESET = 6;
    public static final int TERMINATE_ADMIN_REBOOT = 7;
    public static final int TERMINATE_PORT_ERROR = 8;
    public static final int TERMINATE_NAS_ERROR = 9;
    public static final int TERMINATE_NAS_REQUEST = 10;
    public static final int TERMINATE_NAS_REBOOT = 11;
    public static final int TERMINATE_PORT_UNNEEDED = 12;
    public static final int TERMINATE_PORT_PREEMPTED = 13;
    public static final int TERMINATE_PORT_SUSPENDED = 14;
    public static final int TERMINATE_SERVICE_UNAVAILABLE = 15;
    public static final int TERMINATE_CALLBACK = 16;
    public static final int TERMINATE_USER_ERROR = 17;
    public static final int TERMINATE_HOST_REQUEST = 18;
}
