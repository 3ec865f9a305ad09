package io.turnstile.radius.codec;

/**
 * RFC 2868 (RADIUS Attributes for Tunnel Protocol Support): attribute types (§3) and values. The VLAN tunnel type
 * (13) is assigned by RFC 3580 and used with IEEE 802 medium for dynamic VLAN assignment.
 */
public final class Rfc2868 {

    private Rfc2868() {
    }

    // §3 attribute types
    public static final int TUNNEL_TYPE = 64;
    public static final int TUNNEL_MEDIUM_TYPE = 65;
    public static final int TUNNEL_CLIENT_ENDPOINT = 66;
    public static final int TUNNEL_SERVER_ENDPOINT = 67;
    public static final int TUNNEL_PASSWORD = 69;
    public static final int TUNNEL_PRIVATE_GROUP_ID = 81;
    public static final int TUNNEL_ASSIGNMENT_ID = 82;
    public static final int TUNNEL_PREFERENCE = 83;
    public static final int TUNNEL_CLIENT_AUTH_ID = 90;
    public static final int TUNNEL_SERVER_AUTH_ID = 91;

    /** §3.1: tags 0x01..0x1F group attributes of one tunnel; 0 means unused. */
    public static final int MAX_TAG = 0x1F;

    // §3.1 Tunnel-Type values
    public static final int PPTP = 1;
    public static final int L2F = 2;
    public static final int L2TP = 3;
    public static final int ATMP = 4;
    public static final int VTP = 5;
    public static final int AH = 6;
    public static final int IP_IP = 7;
    public static final int MIN_IP_IP = 8;
    public static final int ESP = 9;
    public static final int GRE = 10;
    public static final int DVS = 11;
    public static final int IP_IN_IP = 12;
    /** RFC 3580 (IEEE 802.1X): dynamic VLAN assignment, with Tunnel-Medium-Type {@link #IEEE_802}. */
    public static final int VLAN = 13;

    // §3.2 Tunnel-Medium-Type values
    public static final int IPV4 = 1;
    public static final int IPV6 = 2;
    public static final int NSAP = 3;
    public static final int HDLC = 4;
    public static final int BBN_1822 = 5;
    public static final int IEEE_802 = 6;
    public static final int E_163 = 7;
    public static final int E_164 = 8;
    public static final int F_69 = 9;
    public static final int X_121 = 10;
    public static final int IPX = 11;
    public static final int APPLETALK = 12;
    public static final int DECNET_IV = 13;
    public static final int BANYAN_VINES = 14;
    public static final int E_164_NSAP = 15;
}
