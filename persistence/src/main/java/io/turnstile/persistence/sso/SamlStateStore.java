package io.turnstile.persistence.sso;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * JDBC access to the SAML SP's shared state ({@code saml_assertion_used}, {@code saml_authn_request}) on a connection
 * the caller owns. Plain SQL, the same on H2 (MODE=PostgreSQL) and PostgreSQL; {@code ON CONFLICT DO NOTHING} makes
 * the replay check one statement that never fails (a failed statement would abort a PostgreSQL transaction).
 */
public class SamlStateStore {

    private final Connection connection;

    public SamlStateStore(Connection connection) {
        this.connection = connection;
    }

    /** Inserts {@code assertionId}; false when it is already there (a replay). */
    public boolean insertAssertion(String assertionId, long expiresAt) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("INSERT INTO saml_assertion_used (assertion_id,"
                + " expires_at) VALUES (?, ?) ON CONFLICT DO NOTHING")) {
            ps.setString(1, assertionId);
            ps.setLong(2, expiresAt);
            return ps.executeUpdate() == 1;
        }
    }

    public boolean assertionKnown(String assertionId) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(
                "SELECT 1 FROM saml_assertion_used WHERE assertion_id = ?")) {
            ps.setString(1, assertionId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    public long countAssertions() throws SQLException {
        return count("SELECT COUNT(*) FROM saml_assertion_used");
    }

    public void insertAuthnRequest(String requestId, String domain, long expiresAt) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(
                "INSERT INTO saml_authn_request (request_id, domain, expires_at) VALUES (?, ?, ?)")) {
            ps.setString(1, requestId);
            ps.setString(2, domain);
            ps.setLong(3, expiresAt);
            ps.executeUpdate();
        }
    }

    /** Deletes the unexpired request {@code requestId} of {@code domain}; whether there was one. */
    public boolean consumeAuthnRequest(String requestId, String domain, long nowMillis) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("DELETE FROM saml_authn_request WHERE request_id = ?"
                + " AND domain = ? AND expires_at > ?")) {
            ps.setString(1, requestId);
            ps.setString(2, domain);
            ps.setLong(3, nowMillis);
            return ps.executeUpdate() == 1;
        }
    }

    public long countAuthnRequests() throws SQLException {
        return count("SELECT COUNT(*) FROM saml_authn_request");
    }

    /** Deletes the {@code n} pending requests that expire first (the oldest: their time to live is constant). */
    public int deleteOldestAuthnRequests(int n) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("DELETE FROM saml_authn_request WHERE request_id IN"
                + " (SELECT request_id FROM saml_authn_request ORDER BY expires_at, request_id LIMIT ?)")) {
            ps.setInt(1, n);
            return ps.executeUpdate();
        }
    }

    /** Purges assertion ids kept past their assertion's end and requests past their time to live. */
    public int deleteExpired(long nowMillis) throws SQLException {
        int n;
        try (PreparedStatement ps = connection.prepareStatement(
                "DELETE FROM saml_assertion_used WHERE expires_at < ?")) {
            ps.setLong(1, nowMillis);
            n = ps.executeUpdate();
        }
        try (PreparedStatement ps = connection.prepareStatement(
                "DELETE FROM saml_authn_request WHERE expires_at <= ?")) {
            ps.setLong(1, nowMillis);
            return n + ps.executeUpdate();
        }
    }

    private long count(String sql) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
