package io.turnstile.policy;

import io.turnstile.radius.codec.RadiusAttribute;

import java.util.List;

/**
 * What the labels of an allow rule add to the Access-Accept besides VLAN, role and name.
 *
 * @param egressVlanNames RFC 4675 §2.3 values (tag indication character and name)
 * @param sessionTimeout  seconds (RFC 2865 §5.27), or null
 * @param gbpTag          Group Based Policy tag, or null
 * @param attributes      custom standard and vendor attributes, parsed against the dictionary when the policy compiled
 * @param nacportalId     portal to redirect to (recorded; Turnstile serves no portal yet), or null
 */
public record ReplyExtras(List<String> egressVlanNames, Integer sessionTimeout, Integer gbpTag,
                          List<RadiusAttribute> attributes, String nacportalId) {

    public static final ReplyExtras NONE = new ReplyExtras(List.of(), null, null, List.of(), null);

    public ReplyExtras {
        egressVlanNames = egressVlanNames == null ? List.of() : List.copyOf(egressVlanNames);
        attributes = attributes == null ? List.of() : List.copyOf(attributes);
    }
}
