package io.turnstile.admin;

import io.turnstile.platform.InvalidRequestException;

import java.util.Map;

/**
 * How local admin passwords are hashed and which are accepted. Hashing is Jakarta Security's
 * {@code Pbkdf2PasswordHash} with PBKDF2-HMAC-SHA512 and 210,000 iterations (the OWASP Password Storage Cheat Sheet's
 * figure for that PRF), 32-byte salt, 64-byte key; the stored text names the algorithm and iterations, so raising them
 * later keeps old hashes verifiable. Passwords: 12 to 256 characters (NIST SP 800-63B §5.1.1.2 asks for at least 8
 * and for allowing long ones; the cap bounds hashing work per request).
 */
public final class PasswordRules {

    public static final int MIN_LENGTH = 12;
    public static final int MAX_LENGTH = 256;

    /** Parameters for {@code Pbkdf2PasswordHash.initialize}. */
    public static final Map<String, String> HASH_PARAMETERS = Map.of(
            "Pbkdf2PasswordHash.Algorithm", "PBKDF2WithHmacSHA512",
            "Pbkdf2PasswordHash.Iterations", "210000",
            "Pbkdf2PasswordHash.SaltSizeBytes", "32",
            "Pbkdf2PasswordHash.KeySizeBytes", "64");

    private PasswordRules() {
    }

    /** @throws InvalidRequestException if the password is not acceptable (the message never contains it) */
    public static void check(String password) {
        if (password == null || password.codePointCount(0, password.length()) < MIN_LENGTH) {
            throw new InvalidRequestException("password must be at least " + MIN_LENGTH + " characters long");
        }
        if (password.length() > MAX_LENGTH) {
            throw new InvalidRequestException("password must be at most " + MAX_LENGTH + " characters long");
        }
    }
}
