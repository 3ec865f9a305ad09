package io.turnstile.radius.codec;

import java.security.SecureRandom;
import java.util.Arrays;

/**
 * The salted variant of the RFC 2865 §5.2 hiding shared by Tunnel-Password (RFC 2868 §3.5) and MS-MPPE-Send/Recv-Key
 * (RFC 2548 §2.4.2/2.4.3): plaintext = one length octet, the data, zero padding to a multiple of 16;
 * b(1) = MD5(S + R + A), b(i) = MD5(S + c(i-1)), with R the Request Authenticator and A the 2-octet salt whose most
 * significant bit is set.
 */
final class SaltEncryption {

    private SaltEncryption() {
    }

    /** A salt with the high bit set (RFC 2868 §3.5, RFC 2548 §2.4.2). */
    static int randomSalt(SecureRandom random) {
        return 0x8000 | random.nextInt(0x8000);
    }

    static void checkSalt(int salt) {
        if (salt < 0x8000 || salt > 0xFFFF) {
            throw new IllegalArgumentException(
                    "salt must be 16 bits with the most significant bit set (RFC 2868 §3.5): 0x" + Integer.toHexString(salt));
        }
    }

    /**
     * Encrypts {@code data} into {@code out[off..]}: salt (2) then the encrypted string.
     *
     * @return octets written
     */
    static int encrypt(byte[] data, int maxDataLength, byte[] secret, byte[] requestAuthenticator, int salt,
                       byte[] out, int off) {
        checkSalt(salt);
        UserPasswordHiding.checkAuthenticator(requestAuthenticator);
        if (data.length > maxDataLength) {
            throw new IllegalArgumentException("value of " + data.length + " octets exceeds " + maxDataLength);
        }
        int plain = (data.length + 1 + 15) & ~15;
        out[off] = (byte) (salt >>> 8);
        out[off + 1] = (byte) salt;
        out[off + 2] = (byte) data.length;
        System.arraycopy(data, 0, out, off + 3, data.length);
        UserPasswordHiding.xorChain(out, off + 2, plain, secret, requestAuthenticator,
                new byte[] {out[off], out[off + 1]}, true);
        return 2 + plain;
    }

    static int encryptedLength(int dataLength) {
        return 2 + ((dataLength + 1 + 15) & ~15);
    }

    /** Decrypts salt + encrypted string at {@code value[off..]}; returns the data without length octet and padding. */
    static byte[] decrypt(byte[] value, int off, byte[] secret, byte[] requestAuthenticator, String what) {
        UserPasswordHiding.checkAuthenticator(requestAuthenticator);
        int enc = value.length - off - 2;
        if (enc < 16 || (enc & 15) != 0) {
            throw new IllegalArgumentException(what + ": encrypted string of " + Math.max(enc, 0)
                    + " octets is not a positive multiple of 16");
        }
        if ((value[off] & 0x80) == 0) {
            throw new IllegalArgumentException(what + ": salt without its most significant bit set");
        }
        byte[] buf = Arrays.copyOfRange(value, off + 2, value.length);
        UserPasswordHiding.xorChain(buf, 0, buf.length, secret, requestAuthenticator,
                new byte[] {value[off], value[off + 1]}, false);
        int len = buf[0] & 0xFF;
        if (len > buf.length - 1) {
            throw new IllegalArgumentException(what + ": data length " + len + " exceeds the " + (buf.length - 1)
                    + " decrypted octets (wrong secret or authenticator?)");
        }
        return Arrays.copyOfRange(buf, 1, 1 + len);
    }
}
