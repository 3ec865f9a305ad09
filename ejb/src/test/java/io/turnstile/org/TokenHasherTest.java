package io.turnstile.org;

import org.junit.jupiter.api.Test;

import java.security.SecureRandom;
import java.util.HashSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TokenHasherTest {

    @Test
    void hashIsSha256Hex() {
        // SHA-256("abc"), FIPS 180-2 appendix B.1
        assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", TokenHasher.hash("abc"));
        assertEquals(64, TokenHasher.hash("").length());
    }

    @Test
    void generatedKeysAreLongAndDistinct() {
        SecureRandom random = new SecureRandom();
        Set<String> keys = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            String k = TokenHasher.generateKey(random);
            assertEquals(TokenHasher.GENERATED_LENGTH, k.length());
            assertTrue(k.chars().allMatch(Character::isLetterOrDigit), k);
            assertNull(TokenHasher.weakness(k));
            keys.add(k);
        }
        assertEquals(1000, keys.size());
    }

    @Test
    void operatorKeysMustBeStrongEnough() {
        assertNotNull(TokenHasher.weakness("short"));
        assertNotNull(TokenHasher.weakness("x".repeat(19)));
        assertNull(TokenHasher.weakness("x".repeat(20)));
        assertNotNull(TokenHasher.weakness("has a space in it 12345"));
        assertNotNull(TokenHasher.weakness("nön-ascii-characters-here"));
        assertNotNull(TokenHasher.weakness("x".repeat(256)));
        assertNotNull(TokenHasher.weakness(null));
    }

    @Test
    void rolesUseTheContractSpelling() {
        assertEquals("helpdesk", ApiRole.HELPDESK.wire());
        assertEquals(ApiRole.WRITE, ApiRole.fromWire("write").orElseThrow());
        assertTrue(ApiRole.fromWire("ADMIN").isEmpty());
        assertTrue(ApiRole.ADMIN.canWrite() && ApiRole.WRITE.canWrite());
        assertTrue(!ApiRole.READ.canWrite() && !ApiRole.HELPDESK.canWrite() && !ApiRole.INSTALLER.canWrite());
    }
}
