package io.turnstile.policy;

import io.turnstile.radius.codec.RadiusAttribute;
import io.turnstile.radius.codec.Rfc2865;
import io.turnstile.radius.codec.Rfc2868;

import java.util.ArrayList;
import java.util.List;

/** Turns an allow decision into Access-Accept attributes for the NAS's vendor. */
public final class ReplyRenderer {

    private ReplyRenderer() {
    }

    public static List<RadiusAttribute> acceptAttributes(PolicyDecision decision, String nasVendor) {
        List<RadiusAttribute> attributes = new ArrayList<>(6);
        if (decision.userName() != null) {
            attributes.add(RadiusAttribute.ofString(Rfc2865.USER_NAME, decision.userName()));
        }
        if (decision.vlan() != null) {
            // RFC 3580 §3.31 / RFC 2868: Tunnel-Type=VLAN, Tunnel-Medium-Type=IEEE-802, Tunnel-Private-Group-ID=<vlan>.
            // Tag 0 ("unused", RFC 2868 §3.1); the group id starts with a printable character, so it needs no tag
            // octet (RFC 2868 §3.6), which is what most switches expect.
            attributes.add(RadiusAttribute.ofTaggedInt(Rfc2868.TUNNEL_TYPE, 0, Rfc2868.VLAN));
            attributes.add(RadiusAttribute.ofTaggedInt(Rfc2868.TUNNEL_MEDIUM_TYPE, 0, Rfc2868.IEEE_802));
            attributes.add(RadiusAttribute.ofString(Rfc2868.TUNNEL_PRIVATE_GROUP_ID, decision.vlan()));
        }
        if (decision.role() != null) {
            attributes.addAll(VendorReplyProfile.roleAttributes(nasVendor, decision.role()));
        }
        return attributes;
    }
}
