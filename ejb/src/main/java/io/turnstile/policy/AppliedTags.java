package io.turnstile.policy;

import java.util.List;

/**
 * The reply labels of an allow rule merged into one value: at most one VLAN, role, name source, timeout, GBP tag and
 * portal (two different ones are refused as a conflict when the rule is saved), all attributes of all labels.
 *
 * @param vlanOverride     the endpoint's own VLAN replaces {@code vlan} (label's allow_usermac_override)
 * @param roleOverride     the endpoint's own role replaces {@code role}
 * @param userNameOverride the endpoint's name replaces the name from {@code usernameAttr}
 */
public record AppliedTags(String vlan, boolean vlanOverride, String role, boolean roleOverride,
                          UsernameAttr usernameAttr, boolean userNameOverride, ReplyExtras extras,
                          List<String> tagNames) {

    public static final AppliedTags NONE = new AppliedTags(null, false, null, false, null, false, ReplyExtras.NONE,
            List.of());

    public AppliedTags {
        tagNames = List.copyOf(tagNames);
    }
}
