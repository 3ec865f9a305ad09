package io.turnstile.platform;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SecretBoxTest {

    private final SecureRandom random = new SecureRandom();

    private byte[] key(int fill) {
        byte[] k = new byte[32];
        java.util.Arrays.fill(k, (byte) fill);
        return k;
    }

    @Test
    void roundTripsTextAndBytes() {
        SecretBox box = new SecretBox(key(1), random);
        for (String s : new String[]{"testing123", "", "ünïcødé ✓ 秘密", "x".repeat(4096)}) {
            String sealed = box.seal(s);
            assertTrue(sealed.startsWith("v1:"), sealed);
            assertFalse(sealed.contains(s.isEmpty() ? "\u0000" : s));
            assertEquals(s, box.open(sealed));
        }
        byte[] raw = {0, 1, 2, (byte) 0xff};
        assertArrayEquals(raw, box.openBytes(box.seal(raw)));
    }

    @Test
    void usesAFreshNonceEachTime() {
        SecretBox box = new SecretBox(key(1), random);
        assertNotEquals(box.seal("same"), box.seal("same"));
    }

    @Test
    void detectsTamperingAnywhere() {
        SecretBox box = new SecretBox(key(1), random);
        String sealed = box.seal("radius-secret");
        byte[] raw = Base64.getDecoder().decode(sealed.substring(3));
        for (int i = 0; i < raw.length; i++) {
            byte[] changed = raw.clone();
            changed[i] ^= 0x01;
            String bad = "v1:" + Base64.getEncoder().encodeToString(changed);
            assertThrows(SecretBoxException.class, () -> box.open(bad), "byte " + i);
        }
        byte[] truncated = java.util.Arrays.copyOf(raw, raw.length - 1);
        assertThrows(SecretBoxException.class, () -> box.open("v1:" + Base64.getEncoder().encodeToString(truncated)));
    }

    @Test
    void refusesAnotherKey() {
        String sealed = new SecretBox(key(1), random).seal("radius-secret");
        SecretBoxException e = assertThrows(SecretBoxException.class, () -> new SecretBox(key(2), random).open(sealed));
        assertFalse(e.getMessage().contains("radius-secret"));
    }

    @Test
    void refusesOtherFormats() {
        SecretBox box = new SecretBox(key(1), random);
        assertThrows(SecretBoxException.class, () -> box.open("radius-secret"));
        assertThrows(SecretBoxException.class, () -> box.open("v2:" + box.seal("x").substring(3)));
        assertThrows(SecretBoxException.class, () -> box.open("v1:not base64!"));
        assertThrows(SecretBoxException.class, () -> box.open("v1:AAAA"));
        assertThrows(SecretBoxException.class, () -> box.open(null));
    }

    @Test
    void keyMustBe256Bits() {
        assertThrows(IllegalArgumentException.class, () -> new SecretBox(new byte[16], random));
        assertThrows(IllegalArgumentException.class, () -> new SecretBox(null, random));
    }

    @Test
    void toStringShowsNoKeyMaterial() {
        byte[] k = key(0x41);
        String s = new SecretBox(k, random).toString();
        assertFalse(s.contains(Base64.getEncoder().encodeToString(k)));
        assertFalse(s.contains("AAAA"));
        assertTrue(s.contains("redacted"));
    }

    @Test
    void createsTheKeyFileOnceWithOwnerOnlyPermissions(@TempDir Path dir) throws Exception {
        Path data = dir.resolve("data");
        byte[] first = SecretBox.loadOrCreateKey(Optional.empty(), data, random);
        Path file = data.resolve("secret.key");
        assertTrue(Files.exists(file));
        assertEquals(32, first.length);
        if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        }
        byte[] again = SecretBox.loadOrCreateKey(Optional.empty(), data, random);
        assertArrayEquals(first, again);
        try (var files = Files.list(data)) {
            assertEquals(1, files.count(), "no temporary file left behind");
        }
        // a value sealed with the file's key opens after a "restart"
        String sealed = new SecretBox(first, random).seal("kept");
        assertEquals("kept", new SecretBox(SecretBox.loadOrCreateKey(Optional.empty(), data, random), random)
                .open(sealed));
    }

    @Test
    void configuredKeyWinsOverTheFile(@TempDir Path dir) throws Exception {
        byte[] k = key(7);
        byte[] loaded = SecretBox.loadOrCreateKey(Optional.of(Base64.getEncoder().encodeToString(k)), dir, random);
        assertArrayEquals(k, loaded);
        assertFalse(Files.exists(dir.resolve("secret.key")), "no file when the key is configured");
    }

    @Test
    void refusesBadConfiguredOrStoredKeys(@TempDir Path dir) throws Exception {
        assertThrows(IllegalStateException.class, () -> SecretBox.loadOrCreateKey(
                Optional.of(Base64.getEncoder().encodeToString(new byte[16])), dir, random));
        assertThrows(IllegalStateException.class, () -> SecretBox.loadOrCreateKey(Optional.of("%%%"), dir, random));
        Files.writeString(dir.resolve("secret.key"), "short", StandardCharsets.US_ASCII);
        assertThrows(IllegalStateException.class, () -> SecretBox.loadOrCreateKey(Optional.empty(), dir, random));
    }
}
