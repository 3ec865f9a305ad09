package io.turnstile.radius.codec;

/** RFC 4675 (RADIUS Attributes for VLAN and Priority Support): attribute types (§2.1-§2.4) and their markers. */
public final class Rfc4675 {

    private Rfc4675() {
    }

    public static final int EGRESS_VLANID = 56;
    public static final int INGRESS_FILTERS = 57;
    public static final int EGRESS_VLAN_NAME = 58;
    public static final int USER_PRIORITY_TABLE = 59;

    /** §2.1 Egress-VLANID Tag Indication octet: 0x31 tagged, 0x32 untagged (then 12 zero bits, 12-bit VLAN ID). */
    public static final int TAGGED = 0x31;
    public static final int UNTAGGED = 0x32;

    /** §2.2 Ingress-Filters values. */
    public static final int INGRESS_FILTERS_ENABLED = 1;
    public static final int INGRESS_FILTERS_DISABLED = 2;

    /** §2.1: an Egress-VLANID value for a VLAN, tagged or untagged. */
    public static RadiusAttribute egressVlanId(boolean tagged, int vlanId) {
        if (vlanId < 1 || vlanId > 4094) {
            throw new IllegalArgumentException("VLAN ID out of range 1..4094: " + vlanId);
        }
        return RadiusAttribute.ofInt(EGRESS_VLANID, (tagged ? TAGGED : UNTAGGED) << 24 | vlanId);
    }

    /** §2.3: an Egress-VLAN-Name value, the tag indication character '1' (tagged) or '2' (untagged) then the name. */
    public static RadiusAttribute egressVlanName(boolean tagged, String name) {
        return RadiusAttribute.ofString(EGRESS_VLAN_NAME, (tagged ? "1" : "2") + name);
    }
}
