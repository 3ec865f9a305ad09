package io.turnstile.policy;

/** The contract's {@code nac_access_type}: wired or wireless, derived from NAS-Port-Type (RFC 2865 §5.41). */
public enum PortType {
    WIRED("wired"), WIRELESS("wireless"), UNKNOWN(null);

    private final String contractName;

    PortType(String contractName) {
        this.contractName = contractName;
    }

    public String contractName() {
        return contractName;
    }

    /** RFC 2865 §5.41: 15 Ethernet is wired; 18 Wireless-Other and 19 Wireless-IEEE-802.11 are wireless. */
    public static PortType fromNasPortType(Integer nasPortType) {
        if (nasPortType == null) {
            return UNKNOWN;
        }
        return switch (nasPortType) {
            case 15 -> WIRED;
            case 18, 19 -> WIRELESS;
            default -> UNKNOWN;
        };
    }
}
