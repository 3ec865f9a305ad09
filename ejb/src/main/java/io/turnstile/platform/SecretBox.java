package io.turnstile.platform;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Encrypts secrets at rest (NAS shared secrets, later private keys): AES-256-GCM with a random 12-byte nonce (NIST SP
 * 800-38D §8.2.2) and a 128-bit tag. Text format {@code v1:<base64(nonce || ciphertext || tag)>}; the version prefix
 * is also the additional authenticated data, so a value cannot be replayed under another format version. Any change to
 * a sealed value, or a different key, makes {@link #open} fail rather than return garbage.
 *
 * <p>The key (32 bytes) comes from {@code TURNSTILE_SECRET_KEY} (base64) or else from {@code <data dir>/secret.key},
 * created with owner-only permissions on first start (see {@link #loadOrCreateKey}). All nodes of a cluster must use
 * the same key: set {@code TURNSTILE_SECRET_KEY} there. Losing the key loses every stored secret.
 *
 * <p>Thread-safe. {@link #toString()} never shows the key, and no method logs a plaintext.
 */
public final class SecretBox {

    public static final String PREFIX = "v1:";
    public static final String KEY_FILE = "secret.key";
    static final int KEY_BYTES = 32;
    static final int NONCE_BYTES = 12;
    static final int TAG_BITS = 128;

    private static final Logger LOG = Logger.getLogger(SecretBox.class.getName());
    private static final byte[] AAD = "turnstile-secretbox-v1".getBytes(StandardCharsets.US_ASCII);

    private final SecretKeySpec key;
    private final SecureRandom random;

    public SecretBox(byte[] key, SecureRandom random) {
        if (key == null || key.length != KEY_BYTES) {
            throw new IllegalArgumentException("the secret key must be " + KEY_BYTES + " bytes (AES-256)");
        }
        this.key = new SecretKeySpec(key, "AES");
        this.random = random;
    }

    /** Encrypts UTF-8 text. */
    public String seal(String plaintext) {
        return seal(plaintext.getBytes(StandardCharsets.UTF_8));
    }

    public String seal(byte[] plaintext) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(AAD);
            byte[] sealed = cipher.doFinal(plaintext);
            byte[] out = new byte[NONCE_BYTES + sealed.length];
            System.arraycopy(nonce, 0, out, 0, NONCE_BYTES);
            System.arraycopy(sealed, 0, out, NONCE_BYTES, sealed.length);
            return PREFIX + Base64.getEncoder().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    /** Decrypts a value made by {@link #seal(String)}. */
    public String open(String sealed) {
        return new String(openBytes(sealed), StandardCharsets.UTF_8);
    }

    /**
     * Decrypts a value made by {@link #seal(byte[])}.
     *
     * @throws SecretBoxException if the value is not in the v1 format, was changed, or was sealed with another key
     */
    public byte[] openBytes(String sealed) {
        if (!isSealed(sealed)) {
            throw new SecretBoxException("not a sealed value (expected the " + PREFIX + " format)");
        }
        byte[] raw;
        try {
            raw = Base64.getDecoder().decode(sealed.substring(PREFIX.length()));
        } catch (IllegalArgumentException e) {
            throw new SecretBoxException("sealed value is not valid base64");
        }
        if (raw.length < NONCE_BYTES + TAG_BITS / 8) {
            throw new SecretBoxException("sealed value is too short");
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, raw, 0, NONCE_BYTES));
            cipher.updateAAD(AAD);
            return cipher.doFinal(raw, NONCE_BYTES, raw.length - NONCE_BYTES);
        } catch (AEADBadTagException e) {
            throw new SecretBoxException("sealed value cannot be opened: it was altered or sealed with another key");
        } catch (GeneralSecurityException e) {
            throw new SecretBoxException("sealed value cannot be opened: " + e.getClass().getSimpleName());
        }
    }

    public static boolean isSealed(String value) {
        return value != null && value.startsWith(PREFIX);
    }

    @Override
    public String toString() {
        return "SecretBox[AES-256-GCM, format " + PREFIX + ", key=<redacted>]";
    }

    /**
     * The key: {@code configuredBase64} (TURNSTILE_SECRET_KEY) if given, else the content of {@code <dataDir>/secret.key},
     * which is created (32 random bytes, base64, permissions 0600 where the file system has POSIX permissions) when it
     * does not exist yet.
     */
    public static byte[] loadOrCreateKey(Optional<String> configuredBase64, Path dataDir, SecureRandom random)
            throws IOException {
        if (configuredBase64.isPresent() && !configuredBase64.get().isBlank()) {
            return decodeKey(configuredBase64.get(), "TURNSTILE_SECRET_KEY");
        }
        Path file = dataDir.resolve(KEY_FILE);
        if (Files.exists(file)) {
            return readKeyFile(file);
        }
        Files.createDirectories(dataDir);
        byte[] key = new byte[KEY_BYTES];
        random.nextBytes(key);
        byte[] content = (Base64.getEncoder().encodeToString(key) + "\n").getBytes(StandardCharsets.US_ASCII);
        Path tmp = createPrivateFile(dataDir);
        try {
            Files.write(tmp, content);
            // Without REPLACE_EXISTING: if another process created the key meanwhile, keep (and use) that one.
            Files.move(tmp, file);
            LOG.warning(() -> "Created a new secret key in " + file.toAbsolutePath() + ". Back it up: secrets stored"
                    + " in the database cannot be read without it. Cluster nodes must share one key"
                    + " (set TURNSTILE_SECRET_KEY).");
            return key;
        } catch (FileAlreadyExistsException e) {
            return readKeyFile(file);
        } finally {
            Arrays.fill(content, (byte) 0);
            Files.deleteIfExists(tmp);
        }
    }

    private static Path createPrivateFile(Path dir) throws IOException {
        if (dir.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            return Files.createTempFile(dir, ".secret", ".tmp", PosixFilePermissions.asFileAttribute(
                    EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE)));
        }
        LOG.warning(() -> "The file system of " + dir + " has no POSIX permissions: restrict access to "
                + KEY_FILE + " yourself.");
        return Files.createTempFile(dir, ".secret", ".tmp");
    }

    private static byte[] readKeyFile(Path file) throws IOException {
        try {
            Set<PosixFilePermission> perms = Files.getPosixFilePermissions(file);
            if (perms.stream().anyMatch(p -> p != PosixFilePermission.OWNER_READ && p != PosixFilePermission.OWNER_WRITE)) {
                LOG.warning(() -> file + " is accessible to other users than its owner " + PosixFilePermissions.toString(perms)
                        + ": chmod 600 it.");
            }
        } catch (UnsupportedOperationException e) {
            LOG.log(Level.FINE, "no POSIX permissions on {0}", file);
        }
        String text = Files.readString(file, StandardCharsets.US_ASCII).trim();
        return decodeKey(text, file.toString());
    }

    private static byte[] decodeKey(String base64, String source) {
        byte[] key;
        try {
            key = Base64.getDecoder().decode(base64.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("the secret key in " + source + " is not valid base64");
        }
        if (key.length != KEY_BYTES) {
            throw new IllegalStateException("the secret key in " + source + " must decode to " + KEY_BYTES
                    + " bytes, not " + key.length);
        }
        return key;
    }
}
