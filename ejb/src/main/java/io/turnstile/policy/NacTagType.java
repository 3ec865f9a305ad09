package io.turnstile.policy;

import java.util.Arrays;
import java.util.Optional;

/** The contract's {@code nac_tag_type}: a label either matches facts ({@code match}) or adds to the reply. */
public enum NacTagType {
    MATCH("match"), VLAN("vlan"), EGRESS_VLAN_NAMES("egress_vlan_names"), GBP_TAG("gbp_tag"),
    RADIUS_ATTRS("radius_attrs"), RADIUS_VENDOR_ATTRS("radius_vendor_attrs"), RADIUS_GROUP("radius_group"),
    SESSION_TIMEOUT("session_timeout"), USERNAME_ATTR("username_attr"), REDIRECT_NACPORTAL_ID("redirect_nacportal_id");

    private final String contractName;

    NacTagType(String contractName) {
        this.contractName = contractName;
    }

    public String contractName() {
        return contractName;
    }

    public static Optional<NacTagType> of(String name) {
        return Arrays.stream(values()).filter(t -> t.contractName.equals(name)).findFirst();
    }
}
