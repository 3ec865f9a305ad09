package io.turnstile.platform;

import org.junit.jupiter.api.Test;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SecretKeyCheckTest {

    private static final SecureRandom RANDOM = new SecureRandom();

    private static SecretBox box(int seed) {
        byte[] key = new byte[32];
        Arrays.fill(key, (byte) seed);
        return new SecretBox(key, RANDOM);
    }

    @Test
    void firstStartSealsThenTheSameKeyMatchesAndAnotherKeyIsRefused() throws Exception {
        try (TestDatabase db = new TestDatabase(); Connection c = db.connect()) {
            c.setAutoCommit(true);
            assertEquals(SecretKeyCheck.Outcome.SEALED_FIRST, SecretKeyCheck.verify(c, box(1), 1_000));
            assertEquals(SecretKeyCheck.Outcome.MATCHES, SecretKeyCheck.verify(c, box(1), 2_000));
            var e = assertThrows(SecretKeyCheck.KeyMismatchException.class,
                    () -> SecretKeyCheck.verify(c, box(2), 3_000));
            assertTrue(e.getMessage().contains("TURNSTILE_SECRET_KEY"), e.getMessage());
            // the refused node changed nothing: the first key still matches, the row is the first one
            assertEquals(SecretKeyCheck.Outcome.MATCHES, SecretKeyCheck.verify(c, box(1), 4_000));
            try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*), MIN(created) FROM secret_key_check");
                 ResultSet rs = ps.executeQuery()) {
                rs.next();
                assertEquals(1, rs.getInt(1));
                assertEquals(1_000, rs.getLong(2));
            }
        }
    }

    @Test
    void aValueSealedWithTheSameKeyButNotTheCheckTextIsRefused() throws Exception {
        try (TestDatabase db = new TestDatabase(); Connection c = db.connect()) {
            c.setAutoCommit(true);
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO secret_key_check (id, sealed, created) VALUES (1, ?, 0)")) {
                ps.setString(1, box(1).seal("something else"));
                ps.executeUpdate();
            }
            assertThrows(SecretKeyCheck.KeyMismatchException.class, () -> SecretKeyCheck.verify(c, box(1), 1));
        }
    }
}
