package io.turnstile.org;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * API token keys: generation and the hash stored in place of the key. SHA-256 without salt is enough because keys
 * are long random strings (a {@value #GENERATED_LENGTH}-character key from 62 symbols carries about 285 bits), so
 * neither dictionaries nor brute force apply; it also lets the hash be the lookup key of the authentication cache.
 */
public final class TokenHasher {

    public static final int GENERATED_LENGTH = 48;
    public static final int MIN_KEY_LENGTH = 20;
    public static final int MAX_KEY_LENGTH = 255;

    private static final char[] ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789".toCharArray();

    private TokenHasher() {
    }

    /** SHA-256 of the UTF-8 key, 64 lower-case hex digits. */
    public static String hash(String key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    public static String generateKey(SecureRandom random) {
        char[] key = new char[GENERATED_LENGTH];
        for (int i = 0; i < key.length; i++) {
            key[i] = ALPHABET[random.nextInt(ALPHABET.length)];
        }
        return new String(key);
    }

    /**
     * Why a key chosen by an operator (e.g. TURNSTILE_BOOTSTRAP_TOKEN) is not acceptable, or null if it is: at least
     * {@value #MIN_KEY_LENGTH} and at most {@value #MAX_KEY_LENGTH} visible ASCII characters (it travels in an HTTP
     * header).
     */
    public static String weakness(String key) {
        if (key == null || key.length() < MIN_KEY_LENGTH) {
            return "must be at least " + MIN_KEY_LENGTH + " characters long";
        }
        if (key.length() > MAX_KEY_LENGTH) {
            return "must be at most " + MAX_KEY_LENGTH + " characters long";
        }
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            if (c <= 0x20 || c >= 0x7f) {
                return "must consist of visible ASCII characters (no spaces)";
            }
        }
        return null;
    }
}
