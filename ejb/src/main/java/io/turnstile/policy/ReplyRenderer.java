package io.turnstile.policy;

import io.turnstile.radius.codec.RadiusAttribute;
import io.turnstile.radius.codec.Rfc2865;
import io.turnstile.radius.codec.Rfc4675;

import java.util.ArrayList;
import java.util.List;

/** Turns an allow decision into Access-Accept attributes for the NAS's vendor ({@link VendorReplyProfile}). */
public final class ReplyRenderer {

    private ReplyRenderer() {
    }

    public static List<RadiusAttribute> acceptAttributes(PolicyDecision decision, String nasVendor) {
        ReplyExtras x = decision.extras();
        List<RadiusAttribute> attributes = new ArrayList<>(6 + x.attributes().size() + x.egressVlanNames().size());
        if (decision.userName() != null) {
            // RFC 2865 §5.1: the server may return the name the NAS is to use for the session (accounting).
            attributes.add(RadiusAttribute.ofString(Rfc2865.USER_NAME, decision.userName()));
        }
        if (decision.vlan() != null) {
            attributes.addAll(VendorReplyProfile.vlanAttributes(nasVendor, decision.vlan()));
        }
        if (decision.role() != null) {
            attributes.addAll(VendorReplyProfile.roleAttributes(nasVendor, decision.role()));
        }
        for (String egress : x.egressVlanNames()) {
            // RFC 4675 §2.3: the value already starts with the tag indication ('1' tagged, '2' untagged)
            attributes.add(RadiusAttribute.ofString(Rfc4675.EGRESS_VLAN_NAME, egress));
        }
        if (x.sessionTimeout() != null) {
            // RFC 2865 §5.27: seconds of service before the session ends (re-authentication with 802.1X)
            attributes.add(RadiusAttribute.ofInt(Rfc2865.SESSION_TIMEOUT, x.sessionTimeout()));
        }
        if (x.gbpTag() != null) {
            attributes.addAll(VendorReplyProfile.gbpAttributes(nasVendor, x.gbpTag()));
        }
        attributes.addAll(x.attributes());
        return attributes;
    }
}
