package io.turnstile.policy;

import java.util.List;

/**
 * A label ({@code nactag} in the contract): either a condition on the facts ({@code type} {@code match}) or something
 * the Access-Accept carries (VLAN, role, attributes...). Validated on the way in by {@link PolicyDocuments}; the
 * fields that do not belong to {@code type} are null or empty.
 *
 * @param values        match values ({@code type} match), as given
 * @param gbpTag        Group Based Policy tag 1..65535, as text
 * @param createdTime   epoch milliseconds
 */
public record NacTag(String id, String orgId, String name, NacTagType type, TagMatch match, List<String> values,
                     boolean matchAll, String vlan, List<String> egressVlanNames, String gbpTag,
                     List<String> radiusAttrs, List<String> radiusVendorAttrs, String radiusGroup,
                     Integer sessionTimeout, UsernameAttr usernameAttr, String nacportalId,
                     boolean allowUsermacOverride, long createdTime, long modifiedTime) {

    public NacTag {
        values = values == null ? List.of() : List.copyOf(values);
        egressVlanNames = egressVlanNames == null ? List.of() : List.copyOf(egressVlanNames);
        radiusAttrs = radiusAttrs == null ? List.of() : List.copyOf(radiusAttrs);
        radiusVendorAttrs = radiusVendorAttrs == null ? List.of() : List.copyOf(radiusVendorAttrs);
    }
}
