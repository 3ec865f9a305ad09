package io.turnstile.admin;

import io.turnstile.platform.TestDatabase;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

import static org.junit.jupiter.api.Assertions.assertThrows;

/** Rules migration V12 puts in the database itself. */
class AdminSchemaTest {

    private static void insert(Connection c, String id, String email, String hash, String sso) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO admin (id, email, password_hash, sso_id, privileges,"
                + " created, modified) VALUES (?, ?, ?, ?, '[]', 1, 1)")) {
            s.setString(1, id);
            s.setString(2, email);
            s.setString(3, hash);
            s.setString(4, sso);
            s.executeUpdate();
        }
    }

    @Test
    void oneEmailIsNeverBothALocalAndAnSsoAccount() throws Exception {
        try (TestDatabase db = new TestDatabase(); Connection c = db.connect()) {
            insert(c, "a1", "ann@example.com", "PBKDF2WithHmacSHA512:1:x:y", null);
            insert(c, "a2", "bob@example.com", null, "sso-1");
            c.commit();
            assertThrows(SQLException.class, () -> insert(c, "a3", "ann@example.com", null, "sso-1"));
            c.rollback();
        }
    }

    @Test
    void anAdminIsEitherLocalOrSso() throws Exception {
        try (TestDatabase db = new TestDatabase(); Connection c = db.connect()) {
            assertThrows(SQLException.class, () -> insert(c, "a1", "x@example.com", "h", "sso-1"));
            c.rollback();
            assertThrows(SQLException.class, () -> insert(c, "a2", "y@example.com", null, null));
            c.rollback();
        }
    }
}
