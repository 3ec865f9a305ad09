package io.turnstile.pki;

import java.security.PublicKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.util.Locale;

/**
 * The key of the organisation's server certificate (EAP and RadSec), from {@code turnstile.pki.server-key-type}.
 * RSA-2048 is the default: every supplicant and RadSec peer accepts it (see {@link CertificateIssuer}). ECDSA P-256
 * (RFC 8422 §5.1.1 secp256r1, RFC 8446 §4.2.3 ecdsa_secp256r1_sha256) has the same 128-bit strength at a fraction of
 * the signing cost; choose it when every supplicant of the organisation supports ECDSA server certificates.
 */
public enum ServerKeyType {
    RSA_2048("rsa-2048"),
    EC_P256("ec-p256");

    private final String configName;

    ServerKeyType(String configName) {
        this.configName = configName;
    }

    public String configName() {
        return configName;
    }

    /** The configured name ({@code rsa-2048} or {@code ec-p256}, case-insensitive); anything else is refused. */
    public static ServerKeyType parse(String value) {
        String v = value == null ? "" : value.strip().toLowerCase(Locale.ROOT);
        for (ServerKeyType t : values()) {
            if (t.configName.equals(v)) {
                return t;
            }
        }
        throw new IllegalArgumentException("turnstile.pki.server-key-type must be rsa-2048 or ec-p256, not " + value);
    }

    /** Whether {@code key} is a key of this type (a stored certificate of another type is renewed). */
    public boolean matches(PublicKey key) {
        return switch (this) {
            case RSA_2048 -> key instanceof RSAPublicKey rsa
                    && rsa.getModulus().bitLength() == CertificateIssuer.SERVER_KEY_BITS;
            case EC_P256 -> key instanceof ECPublicKey ec && ec.getParams().getCurve().getField().getFieldSize() == 256;
        };
    }
}
