package io.turnstile.platform;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/**
 * Checks that this node's secret key is the one that sealed the database's secrets (table {@code secret_key_check},
 * Flyway V20): the first start on a database seals a known text into it; every later start must open it. A cluster
 * whose nodes were given different keys otherwise runs with half its secrets unreadable on some nodes.
 */
public final class SecretKeyCheck {

    /** What the first node seals; any later node must open it to exactly this. */
    static final String CANARY = "turnstile secret key check v1";

    public enum Outcome { SEALED_FIRST, MATCHES }

    /** This node's key cannot open what another key sealed: it must not start. */
    public static final class KeyMismatchException extends IllegalStateException {
        KeyMismatchException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private SecretKeyCheck() {
    }

    /** Runs in the connection's current transaction mode; the caller commits (auto-commit is fine). */
    public static Outcome verify(Connection c, SecretBox box, long nowMillis) throws SQLException {
        Optional<String> stored = read(c);
        if (stored.isEmpty()) {
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO secret_key_check (id, sealed, created) VALUES (1, ?, ?) ON CONFLICT DO NOTHING")) {
                ps.setString(1, box.seal(CANARY));
                ps.setLong(2, nowMillis);
                if (ps.executeUpdate() == 1) {
                    return Outcome.SEALED_FIRST;
                }
            }
            stored = read(c); // another node sealed it meanwhile: check against theirs
        }
        String opened;
        try {
            opened = box.open(stored.orElseThrow());
        } catch (RuntimeException e) {
            throw mismatch(e);
        }
        if (!CANARY.equals(opened)) {
            throw mismatch(null);
        }
        return Outcome.MATCHES;
    }

    private static KeyMismatchException mismatch(Throwable cause) {
        return new KeyMismatchException("This node's secret key (TURNSTILE_SECRET_KEY, or secret.key in the data"
                + " directory) is not the key that sealed the secrets in this database. Every node of a cluster needs"
                + " the same TURNSTILE_SECRET_KEY. Refusing to start.", cause);
    }

    private static Optional<String> read(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT sealed FROM secret_key_check WHERE id = 1");
             ResultSet rs = ps.executeQuery()) {
            return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
        }
    }
}
