package io.turnstile.policy;

import java.util.Arrays;
import java.util.Optional;

/**
 * The contract's {@code nac_tag_match}: which fact a {@code match} label compares its values with. {@code edr_health}
 * has no fact in Turnstile (no EDR integration), so labels using it are refused rather than never matching silently.
 */
public enum TagMatch {
    CERT_CN("cert_cn"), CERT_EKU("cert_eku"), CERT_ISSUER("cert_issuer"), CERT_SAN("cert_san"),
    CERT_SERIAL("cert_serial"), CERT_SUB("cert_sub"), CERT_TEMPLATE("cert_template"), CLIENT_MAC("client_mac"),
    EDR_HEALTH("edr_health"), HOSTNAME("hostname"), IDP_ROLE("idp_role"), INGRESS_VLAN("ingress_vlan"),
    MDM_STATUS("mdm_status"), NAS_IP("nas_ip"), RADIUS_GROUP("radius_group"), REALM("realm"), SSID("ssid"),
    USER_NAME("user_name"), USERMAC_LABEL("usermac_label");

    private final String contractName;

    TagMatch(String contractName) {
        this.contractName = contractName;
    }

    public String contractName() {
        return contractName;
    }

    public boolean supported() {
        return this != EDR_HEALTH;
    }

    public static Optional<TagMatch> of(String name) {
        return Arrays.stream(values()).filter(t -> t.contractName.equals(name)).findFirst();
    }
}
