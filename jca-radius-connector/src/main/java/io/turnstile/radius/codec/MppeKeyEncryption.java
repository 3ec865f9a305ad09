package io.turnstile.radius.codec;

import java.security.SecureRandom;
import java.util.List;

/**
 * MS-MPPE-Send-Key / MS-MPPE-Recv-Key encryption, RFC 2548 §2.4.2/§2.4.3: the sub-attribute value is Salt (2, most
 * significant bit set, unique within the packet) then the encrypted String: Key-Length octet, the key, zero padding to
 * a multiple of 16, hidden with b(1) = MD5(S + R + A) (R the Request Authenticator, A the salt).
 */
public final class MppeKeyEncryption {

    /** 247 (max vendor value) - 2 (salt) = 245, rounded down to 240 encrypted octets, one of which is the length. */
    public static final int MAX_KEY_LENGTH = 239;

    private MppeKeyEncryption() {
    }

    /** Encrypts with a random salt. @return salt (2) + encrypted string */
    public static byte[] encrypt(byte[] key, byte[] secret, byte[] requestAuthenticator, SecureRandom random) {
        return encrypt(key, secret, requestAuthenticator, SaltEncryption.randomSalt(random));
    }

    /** Encrypts with an explicit salt (0x8000..0xFFFF). @return salt (2) + encrypted string */
    public static byte[] encrypt(byte[] key, byte[] secret, byte[] requestAuthenticator, int salt) {
        if (key.length > MAX_KEY_LENGTH) {
            throw new IllegalArgumentException("MPPE key of " + key.length + " octets exceeds 239");
        }
        byte[] out = new byte[SaltEncryption.encryptedLength(key.length)];
        SaltEncryption.encrypt(key, MAX_KEY_LENGTH, secret, requestAuthenticator, salt, out, 0);
        return out;
    }

    /**
     * Decrypts salt + encrypted string.
     *
     * @throws IllegalArgumentException if malformed or the decrypted Key-Length is impossible (typically a wrong secret)
     */
    public static byte[] decrypt(byte[] value, byte[] secret, byte[] requestAuthenticator) {
        if (value.length < 2) {
            throw new IllegalArgumentException("MPPE key value of " + value.length + " octets is too short");
        }
        return SaltEncryption.decrypt(value, 0, secret, requestAuthenticator, "MS-MPPE key");
    }

    /**
     * The MS-MPPE-Send-Key and MS-MPPE-Recv-Key Vendor-Specific attributes for an Access-Accept (e.g. after EAP-TLS),
     * with distinct random salts as RFC 2548 §2.4.2 requires within one packet.
     */
    public static List<RadiusAttribute> keyAttributes(byte[] sendKey, byte[] recvKey, byte[] secret,
                                                      byte[] requestAuthenticator, SecureRandom random) {
        int sendSalt = SaltEncryption.randomSalt(random);
        int recvSalt;
        do {
            recvSalt = SaltEncryption.randomSalt(random);
        } while (recvSalt == sendSalt);
        return List.of(
                RadiusAttribute.vendorSpecific(Rfc2548.VENDOR_MICROSOFT, Rfc2548.MS_MPPE_SEND_KEY,
                        encrypt(sendKey, secret, requestAuthenticator, sendSalt)),
                RadiusAttribute.vendorSpecific(Rfc2548.VENDOR_MICROSOFT, Rfc2548.MS_MPPE_RECV_KEY,
                        encrypt(recvKey, secret, requestAuthenticator, recvSalt)));
    }
}
