package io.turnstile.radius.codec;

import java.security.DigestException;
import java.security.MessageDigest;
import java.util.Arrays;

/**
 * User-Password hiding, RFC 2865 §5.2.
 *
 * <pre>
 *   b1 = MD5(S + RA)       c(1) = p1 xor b1
 *   b2 = MD5(S + c(1))     c(2) = p2 xor b2
 *   ...
 *   bi = MD5(S + c(i-1))   c(i) = pi xor bi
 * </pre>
 * The same chaining (with a salt appended to RA) is reused by {@link TunnelPasswordHiding} and
 * {@link MppeKeyEncryption}.
 */
public final class UserPasswordHiding {

    /** RFC 2865 §5.2: the password is at most 128 octets. */
    public static final int MAX_PASSWORD_LENGTH = 128;

    private UserPasswordHiding() {
    }

    /**
     * Hides a password for the User-Password attribute.
     *
     * @param password             clear-text password, at most 128 octets
     * @param secret               the shared secret
     * @param requestAuthenticator the 16-octet Request Authenticator of the Access-Request
     * @return the hidden value, the password NUL-padded to a multiple of 16 (at least 16) octets (RFC 2865 §5.2)
     * @throws IllegalArgumentException if the password is longer than 128 octets
     */
    public static byte[] hide(byte[] password, byte[] secret, byte[] requestAuthenticator) {
        if (password.length > MAX_PASSWORD_LENGTH) {
            throw new IllegalArgumentException("User-Password longer than 128 octets (RFC 2865 §5.2): " + password.length);
        }
        checkAuthenticator(requestAuthenticator);
        // RFC 2865 §5.2: "padded at the end with nulls to a 16 octet boundary"; an empty password is one block.
        int padded = Math.max(16, (password.length + 15) & ~15);
        byte[] out = Arrays.copyOf(password, padded);
        xorChain(out, 0, padded, secret, requestAuthenticator, null, true);
        return out;
    }

    /**
     * Reveals a hidden User-Password.
     *
     * @return the clear-text password with trailing NUL padding removed
     * @throws IllegalArgumentException if the hidden value is not 16..128 octets in multiples of 16 (RFC 2865 §5.2)
     */
    public static byte[] reveal(byte[] hidden, byte[] secret, byte[] requestAuthenticator) {
        if (hidden.length < 16 || hidden.length > MAX_PASSWORD_LENGTH || (hidden.length & 15) != 0) {
            throw new IllegalArgumentException(
                    "User-Password length must be a multiple of 16 between 16 and 128 (RFC 2865 §5.2): " + hidden.length);
        }
        checkAuthenticator(requestAuthenticator);
        byte[] out = hidden.clone();
        xorChain(out, 0, out.length, secret, requestAuthenticator, null, false);
        int end = out.length;
        while (end > 0 && out[end - 1] == 0) {
            end--;
        }
        return end == out.length ? out : Arrays.copyOf(out, end);
    }

    static void checkAuthenticator(byte[] authenticator) {
        if (authenticator == null || authenticator.length != 16) {
            throw new IllegalArgumentException("authenticator must be 16 octets");
        }
    }

    /**
     * The RFC 2865 §5.2 chain, in place over {@code buf[off, off+len)} ({@code len} a multiple of 16):
     * b1 = MD5(S + RA [+ salt]), bi = MD5(S + c(i-1)); c(i) = p(i) xor b(i).
     *
     * @param hiding true when {@code buf} holds plain text (the chain uses the output), false when it holds cipher text
     */
    static void xorChain(byte[] buf, int off, int len, byte[] secret, byte[] authenticator, byte[] salt, boolean hiding) {
        MessageDigest md = Md5.md5();
        byte[] b = new byte[Md5.LENGTH];
        byte[] prevCipher = hiding ? null : new byte[Md5.LENGTH];
        for (int i = 0; i < len; i += 16) {
            md.update(secret);
            if (i == 0) {
                md.update(authenticator);
                if (salt != null) {
                    md.update(salt);
                }
            } else if (hiding) {
                md.update(buf, off + i - 16, 16);          // c(i-1) is already in place
            } else {
                md.update(prevCipher, 0, 16);              // c(i-1) was overwritten by p(i-1)
            }
            try {
                md.digest(b, 0, Md5.LENGTH);
            } catch (DigestException e) {
                throw new IllegalStateException(e);
            }
            if (!hiding) {
                System.arraycopy(buf, off + i, prevCipher, 0, 16);
            }
            for (int j = 0; j < 16; j++) {
                buf[off + i + j] ^= b[j];
            }
        }
    }
}
