package io.turnstile.persistence.sso;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import io.turnstile.persistence.jdbc.Jdbc;

/**
 * JDBC access to {@code sso_failure} on a connection the caller owns. Plain SQL, the same on H2 (MODE=PostgreSQL)
 * and PostgreSQL.
 */
public class SsoFailureStore {

    /** One stored login attempt. */
    public record Row(String id, String orgId, String ssoId, long ts, boolean success, String reason, String detail,
                      String samlXml, Long expiresAt) {
    }

    private final Connection connection;

    public SsoFailureStore(Connection connection) {
        this.connection = connection;
    }

    public void insert(Row r) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("INSERT INTO sso_failure (id, org_id, sso_id, ts,"
                + " success, reason, detail, saml_xml, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, r.id());
            ps.setString(2, r.orgId());
            ps.setString(3, r.ssoId());
            ps.setLong(4, r.ts());
            ps.setBoolean(5, r.success());
            ps.setString(6, r.reason());
            ps.setString(7, r.detail());
            ps.setString(8, r.samlXml());
            Jdbc.setLong(ps, 9, r.expiresAt());
            ps.executeUpdate();
        }
    }

    /** Deletes the kept successes whose time is over. */
    public int deleteExpired(long nowMillis) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(
                "DELETE FROM sso_failure WHERE expires_at IS NOT NULL AND expires_at <= ?")) {
            ps.setLong(1, nowMillis);
            return ps.executeUpdate();
        }
    }

    /** The SSO's attempts in {@code [from, to]}, newest first, kept successes only while unexpired. */
    public List<Row> list(String orgId, String ssoId, long from, long to, long nowMillis, int limit, long offset)
            throws SQLException {
        List<Row> out = new ArrayList<>();
        try (PreparedStatement ps = connection.prepareStatement("SELECT id, org_id, sso_id, ts, success, reason,"
                + " detail, saml_xml, expires_at FROM sso_failure WHERE org_id = ? AND sso_id = ? AND ts >= ? AND ts <= ?"
                + " AND (expires_at IS NULL OR expires_at > ?) ORDER BY ts DESC, id LIMIT ? OFFSET ?")) {
            ps.setString(1, orgId);
            ps.setString(2, ssoId);
            ps.setLong(3, from);
            ps.setLong(4, to);
            ps.setLong(5, nowMillis);
            ps.setInt(6, limit);
            ps.setLong(7, offset);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long expires = rs.getLong(9);
                    out.add(new Row(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4), rs.getBoolean(5),
                            rs.getString(6), rs.getString(7), rs.getString(8), rs.wasNull() ? null : expires));
                }
            }
        }
        return out;
    }
}
