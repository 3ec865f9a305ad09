package io.turnstile.policy;

/** The contract's {@code nac_auth_type} values. */
public enum AuthType {
    MAB("mab"), EAP_TLS("eap-tls"), EAP_TTLS("eap-ttls"), EAP_PEAP("eap-peap"), EAP_TEAP("eap-teap"), IDP("idp"),
    CERT("cert"), DEVICE_AUTH("device-auth");

    private final String contractName;

    AuthType(String contractName) {
        this.contractName = contractName;
    }

    public String contractName() {
        return contractName;
    }
}
