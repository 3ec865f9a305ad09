package io.turnstile.radius.codec;

import java.security.SecureRandom;

/**
 * Tunnel-Password encryption, RFC 2868 §3.5. The attribute value is Tag (1), Salt (2), then the encrypted String:
 * a Data-Length octet, the password and zero padding to a multiple of 16, hidden as in RFC 2865 §5.2 with
 * b(1) = MD5(S + R + A) where R is the Request Authenticator of the Access-Request and A the salt.
 *
 * <p>RFC 2868 §3.5: the salt's most significant bit MUST be set and each salt in a packet MUST be unique; with several
 * Tunnel-Passwords in one packet, pass explicit distinct salts.
 */
public final class TunnelPasswordHiding {

    /** 253 (max value) - 1 (tag) - 2 (salt) = 250, rounded down to 240 encrypted octets, one of which is the length. */
    public static final int MAX_PASSWORD_LENGTH = 239;

    private TunnelPasswordHiding() {
    }

    /** Hides with a random salt (high bit set). @return the whole attribute value: tag, salt, encrypted string */
    public static byte[] hide(int tag, byte[] password, byte[] secret, byte[] requestAuthenticator, SecureRandom random) {
        return hide(tag, password, secret, requestAuthenticator, SaltEncryption.randomSalt(random));
    }

    /**
     * Hides with an explicit salt.
     *
     * @param tag  0..0x1F (RFC 2868 §3.5)
     * @param salt 0x8000..0xFFFF
     * @return the whole attribute value: tag, salt, encrypted string
     */
    public static byte[] hide(int tag, byte[] password, byte[] secret, byte[] requestAuthenticator, int salt) {
        if (tag < 0 || tag > Rfc2868.MAX_TAG) {
            throw new IllegalArgumentException("Tunnel-Password tag out of range 0..31 (RFC 2868 §3.5): " + tag);
        }
        if (password.length > MAX_PASSWORD_LENGTH) {
            throw new IllegalArgumentException("Tunnel-Password of " + password.length + " octets exceeds 239");
        }
        byte[] out = new byte[1 + SaltEncryption.encryptedLength(password.length)];
        out[0] = (byte) tag;
        SaltEncryption.encrypt(password, MAX_PASSWORD_LENGTH, secret, requestAuthenticator, salt, out, 1);
        return out;
    }

    /** A Tunnel-Password attribute with a random salt. */
    public static RadiusAttribute attribute(int tag, byte[] password, byte[] secret, byte[] requestAuthenticator,
                                            SecureRandom random) {
        return new RadiusAttribute(Rfc2868.TUNNEL_PASSWORD, hide(tag, password, secret, requestAuthenticator, random));
    }

    /**
     * Reveals a Tunnel-Password attribute value (tag, salt, encrypted string).
     *
     * @return the password, without the Data-Length octet and padding
     * @throws IllegalArgumentException if the value is too short, not block-aligned, lacks the salt's high bit, or the
     *                                  decrypted Data-Length is impossible (typically a wrong secret)
     */
    public static byte[] reveal(byte[] value, byte[] secret, byte[] requestAuthenticator) {
        if (value.length < 3) {
            throw new IllegalArgumentException("Tunnel-Password value of " + value.length + " octets is too short");
        }
        return SaltEncryption.decrypt(value, 1, secret, requestAuthenticator, "Tunnel-Password");
    }
}
