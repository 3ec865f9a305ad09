package io.turnstile.policy;

import io.turnstile.radius.codec.RadiusAttribute;
import io.turnstile.radius.codec.Rfc2865;
import io.turnstile.radius.codec.Rfc2868;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * How each NAS vendor wants to be told the VLAN, the role and the Group Based Policy tag: the one table of vendor
 * differences for replies. Vendors are the contract's {@code mxcluster_nac_client_vendor} values plus Turnstile's
 * {@code hpe} and {@code arista}; an unknown vendor gets the generic IETF form.
 *
 * <table>
 *   <caption>vendor → attributes</caption>
 *   <tr><th>vendor</th><th>VLAN</th><th>role</th><th>GBP tag</th></tr>
 *   <tr><td>generic, brocade, cisco-*, juniper, arista</td><td>RFC 2868/3580 tunnel attributes</td>
 *       <td>Filter-Id (RFC 2865 §5.11)</td><td>Cisco-AVPair cts:security-group-tag</td></tr>
 *   <tr><td>aruba</td><td>tunnel attributes plus Aruba-User-Vlan (id) or Aruba-Named-User-Vlan (name)</td>
 *       <td>Aruba-User-Role</td><td>none</td></tr>
 *   <tr><td>hpe (Aruba CX / ProCurve)</td><td>tunnel attributes</td><td>Aruba-User-Role and Filter-Id</td>
 *       <td>none</td></tr>
 *   <tr><td>paloalto</td><td>none (a firewall has no access VLAN)</td><td>PaloAlto-User-Group</td><td>none</td></tr>
 * </table>
 */
public final class VendorReplyProfile {

    static final int VENDOR_CISCO = 9;
    static final int VENDOR_ARUBA = 14823;
    static final int VENDOR_PALOALTO = 25461;
    static final int CISCO_AVPAIR = 1;
    static final int ARUBA_USER_ROLE = 1;
    static final int ARUBA_USER_VLAN = 2;
    static final int ARUBA_NAMED_USER_VLAN = 9;
    static final int PALOALTO_USER_GROUP = 5;

    /** One vendor's renderings; each returns the attributes for a value (possibly none). */
    record Profile(Function<String, List<RadiusAttribute>> vlan, Function<String, List<RadiusAttribute>> role,
                   Function<Integer, List<RadiusAttribute>> gbp) {
    }

    private static final Function<String, List<RadiusAttribute>> TUNNEL = VendorReplyProfile::tunnel;
    private static final Function<String, List<RadiusAttribute>> FILTER_ID =
            r -> List.of(RadiusAttribute.ofString(Rfc2865.FILTER_ID, r));
    private static final Function<Integer, List<RadiusAttribute>> CTS_SGT = VendorReplyProfile::ciscoSgt;
    private static final Function<Integer, List<RadiusAttribute>> NO_GBP = g -> List.of();

    private static final Profile IETF = new Profile(TUNNEL, FILTER_ID, CTS_SGT);

    private static final Map<String, Profile> PROFILES = Map.of(
            "generic", IETF,
            "aruba", new Profile(VendorReplyProfile::arubaVlan, r -> List.of(vsa(VENDOR_ARUBA, ARUBA_USER_ROLE, r)),
                    NO_GBP),
            "hpe", new Profile(TUNNEL, r -> List.of(vsa(VENDOR_ARUBA, ARUBA_USER_ROLE, r),
                    RadiusAttribute.ofString(Rfc2865.FILTER_ID, r)), NO_GBP),
            "paloalto", new Profile(v -> List.of(), r -> List.of(vsa(VENDOR_PALOALTO, PALOALTO_USER_GROUP, r)),
                    NO_GBP));

    private VendorReplyProfile() {
    }

    static Profile of(String vendor) {
        return vendor == null ? IETF : PROFILES.getOrDefault(vendor, IETF);
    }

    public static List<RadiusAttribute> vlanAttributes(String vendor, String vlan) {
        return of(vendor).vlan().apply(vlan);
    }

    public static List<RadiusAttribute> roleAttributes(String vendor, String role) {
        return of(vendor).role().apply(role);
    }

    public static List<RadiusAttribute> gbpAttributes(String vendor, int tag) {
        return of(vendor).gbp().apply(tag);
    }

    /**
     * RFC 3580 §3.31 / RFC 2868: Tunnel-Type=VLAN, Tunnel-Medium-Type=IEEE-802, Tunnel-Private-Group-ID=VLAN id or
     * name. Tag 0 ("unused", RFC 2868 §3.1); the group id starts with a printable character, so it needs no tag octet
     * (RFC 2868 §3.6), which is what most switches expect.
     */
    private static List<RadiusAttribute> tunnel(String vlan) {
        return List.of(RadiusAttribute.ofTaggedInt(Rfc2868.TUNNEL_TYPE, 0, Rfc2868.VLAN),
                RadiusAttribute.ofTaggedInt(Rfc2868.TUNNEL_MEDIUM_TYPE, 0, Rfc2868.IEEE_802),
                RadiusAttribute.ofString(Rfc2868.TUNNEL_PRIVATE_GROUP_ID, vlan));
    }

    /** Aruba controllers take the VLAN as Aruba-User-Vlan (integer) or Aruba-Named-User-Vlan; switches the tunnel. */
    private static List<RadiusAttribute> arubaVlan(String vlan) {
        List<RadiusAttribute> out = new ArrayList<>(tunnel(vlan));
        if (vlan.chars().allMatch(c -> c >= '0' && c <= '9')) {
            out.add(RadiusAttribute.vendorSpecific(VENDOR_ARUBA, ARUBA_USER_VLAN, int32(Integer.parseInt(vlan))));
        } else {
            out.add(vsa(VENDOR_ARUBA, ARUBA_NAMED_USER_VLAN, vlan));
        }
        return out;
    }

    /** Cisco TrustSec: {@code cts:security-group-tag=<4 hex digits>-00}, understood by Cisco and Juniper switches. */
    private static List<RadiusAttribute> ciscoSgt(int tag) {
        return List.of(vsa(VENDOR_CISCO, CISCO_AVPAIR, String.format("cts:security-group-tag=%04x-00", tag)));
    }

    private static RadiusAttribute vsa(int vendor, int type, String value) {
        return RadiusAttribute.vendorSpecific(vendor, type, value.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] int32(int v) {
        return new byte[]{(byte) (v >>> 24), (byte) (v >>> 16), (byte) (v >>> 8), (byte) v};
    }
}
