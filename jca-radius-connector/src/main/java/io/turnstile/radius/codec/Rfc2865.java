package io.turnstile.radius.codec;

/** RFC 2865 (RADIUS): packet codes (§3), attribute types (§5) and the values of enumerated attributes. */
public final class Rfc2865 {

    private Rfc2865() {
    }

    // §3 / §4 packet codes
    public static final int ACCESS_REQUEST = 1;
    public static final int ACCESS_ACCEPT = 2;
    public static final int ACCESS_REJECT = 3;
    public static final int ACCESS_CHALLENGE = 11;

    // §5 attribute types
    public static final int USER_NAME = 1;
    public static final int USER_PASSWORD = 2;
    public static final int CHAP_PASSWORD = 3;
    public static final int NAS_IP_ADDRESS = 4;
    public static final int NAS_PORT = 5;
    public static final int SERVICE_TYPE = 6;
    public static final int FRAMED_PROTOCOL = 7;
    public static final int FRAMED_IP_ADDRESS = 8;
    public static final int FRAMED_IP_NETMASK = 9;
    public static final int FRAMED_ROUTING = 10;
    public static final int FILTER_ID = 11;
    public static final int FRAMED_MTU = 12;
    public static final int FRAMED_COMPRESSION = 13;
    public static final int LOGIN_IP_HOST = 14;
    public static final int LOGIN_SERVICE = 15;
    public static final int LOGIN_TCP_PORT = 16;
    public static final int REPLY_MESSAGE = 18;
    public static final int CALLBACK_NUMBER = 19;
    public static final int CALLBACK_ID = 20;
    public static final int FRAMED_ROUTE = 22;
    public static final int FRAMED_IPX_NETWORK = 23;
    public static final int STATE = 24;
    public static final int CLASS = 25;
    public static final int VENDOR_SPECIFIC = 26;
    public static final int SESSION_TIMEOUT = 27;
    public static final int IDLE_TIMEOUT = 28;
    public static final int TERMINATION_ACTION = 29;
    public static final int CALLED_STATION_ID = 30;
    public static final int CALLING_STATION_ID = 31;
    public static final int NAS_IDENTIFIER = 32;
    public static final int PROXY_STATE = 33;
    public static final int LOGIN_LAT_SERVICE = 34;
    public static final int LOGIN_LAT_NODE = 35;
    public static final int LOGIN_LAT_GROUP = 36;
    public static final int FRAMED_APPLETALK_LINK = 37;
    public static final int FRAMED_APPLETALK_NETWORK = 38;
    public static final int FRAMED_APPLETALK_ZONE = 39;
    // 40-59 are reserved for accounting (RFC 2866, RFC 2869, RFC 4675)
    public static final int CHAP_CHALLENGE = 60;
    public static final int NAS_PORT_TYPE = 61;
    public static final int PORT_LIMIT = 62;
    public static final int LOGIN_LAT_PORT = 63;

    // §5.6 Service-Type values
    public static final int SERVICE_TYPE_LOGIN = 1;
    public static final int SERVICE_TYPE_FRAMED = 2;
    public static final int SERVICE_TYPE_CALLBACK_LOGIN = 3;
    public static final int SERVICE_TYPE_CALLBACK_FRAMED = 4;
    public static final int SERVICE_TYPE_OUTBOUND = 5;
    public static final int SERVICE_TYPE_ADMINISTRATIVE = 6;
    public static final int SERVICE_TYPE_NAS_PROMPT = 7;
    public static final int SERVICE_TYPE_AUTHENTICATE_ONLY = 8;
    public static final int SERVICE_TYPE_CALLBACK_NAS_PROMPT = 9;
    public static final int SERVICE_TYPE_CALL_CHECK = 10;
    public static final int SERVICE_TYPE_CALLBACK_ADMINISTRATIVE = 11;

    // §5.7 Framed-Protocol values
    public static final int FRAMED_PROTOCOL_PPP = 1;
    public static final int FRAMED_PROTOCOL_SLIP = 2;

    // §5.29 Termination-Action values
    public static final int TERMINATION_ACTION_DEFAULT = 0;
    public static final int TERMINATION_ACTION_RADIUS_REQUEST = 1;

    // §5.41 NAS-Port-Type values
    public static final int NAS_PORT_TYPE_ASYNC = 0;
    public static final int NAS_PORT_TYPE_SYNC = 1;
    public static final int NAS_PORT_TYPE_ISDN_SYNC = 2;
    public static final int NAS_PORT_TYPE_VIRTUAL = 5;
    public static final int NAS_PORT_TYPE_ETHERNET = 15;
    public static final int NAS_PORT_TYPE_XDSL = 16;
    public static final int NAS_PORT_TYPE_CABLE = 17;
    public static final int NAS_PORT_TYPE_WIRELESS_OTHER = 18;
    public static final int NAS_PORT_TYPE_WIRELESS_802_11 = 19;
}
