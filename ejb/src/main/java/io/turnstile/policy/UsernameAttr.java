package io.turnstile.policy;

import java.util.Arrays;
import java.util.Optional;

/**
 * The contract's {@code nac_tag_username_attr}: which certificate field becomes the User-Name of the Access-Accept
 * (RFC 2865 §5.1 allows the server to return the name the NAS should use, e.g. in accounting).
 */
public enum UsernameAttr {
    AUTOMATIC("automatic"), CN("cn"), DNS("dns"), EMAIL("email"), UPN("upn");

    private final String contractName;

    UsernameAttr(String contractName) {
        this.contractName = contractName;
    }

    public String contractName() {
        return contractName;
    }

    public static Optional<UsernameAttr> of(String name) {
        return Arrays.stream(values()).filter(t -> t.contractName.equals(name)).findFirst();
    }

    /**
     * The name this choice gives for the facts, or null. {@code automatic}: the certificate's UPN, then e-mail, then
     * CN, then DNS name; without a certificate the identity that authenticated.
     */
    public String pick(AccessRequestFacts facts) {
        CertificateFacts c = facts.certificate();
        if (c == null) {
            return this == AUTOMATIC ? facts.innerIdentity() : null;
        }
        return switch (this) {
            case CN -> c.cn();
            case DNS -> first(c.sanDns());
            case EMAIL -> first(c.sanEmail());
            case UPN -> first(c.sanUpn());
            case AUTOMATIC -> firstNonNull(first(c.sanUpn()), first(c.sanEmail()), c.cn(), first(c.sanDns()));
        };
    }

    private static String first(java.util.List<String> values) {
        return values.isEmpty() ? null : values.get(0);
    }

    private static String firstNonNull(String... values) {
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                return v;
            }
        }
        return null;
    }
}
