package io.turnstile.persistence.accounting;

import io.turnstile.persistence.jdbc.Jdbc;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * JDBC access to {@code acct_session} and {@code acct_record} on a connection the caller owns (in the application: the
 * JTA data source inside a container transaction; in tests: H2). Plain SQL, the same on H2 (MODE=PostgreSQL) and
 * PostgreSQL 15. JDBC rather than JPA because the accounting path needs row locks and insert-if-absent
 * ({@code ON CONFLICT DO NOTHING}), which JPA cannot express.
 */
public class AcctSessionStore {

    static final String SESSION_COLUMNS = "id, org_id, nas_ip, acct_session_id, multi_session_id, nas_identifier, mac,"
            + " username, framed_ip, nas_port, called_station_id, status, start_time, stop_time, last_update,"
            + " session_time, input_octets, output_octets, input_packets, output_packets, terminate_cause";

    private final Connection connection;

    public AcctSessionStore(Connection connection) {
        this.connection = connection;
    }

    public void insertRecord(AcctRecordRow r) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("INSERT INTO acct_record (id, org_id, received_at,"
                + " event_time, status_type, nas_ip, nas_identifier, acct_session_id, multi_session_id, mac, username,"
                + " framed_ip, nas_port, called_station_id, session_time, input_octets, output_octets, input_packets,"
                + " output_packets, terminate_cause) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, r.id());
            ps.setString(2, r.orgId());
            ps.setLong(3, r.receivedAt());
            ps.setLong(4, r.eventTime());
            ps.setInt(5, r.statusType());
            ps.setString(6, r.nasIp());
            ps.setString(7, r.nasIdentifier());
            ps.setString(8, r.acctSessionId());
            ps.setString(9, r.multiSessionId());
            ps.setString(10, r.mac());
            ps.setString(11, r.username());
            ps.setString(12, r.framedIp());
            Jdbc.setLong(ps, 13, r.nasPort());
            ps.setString(14, r.calledStationId());
            Jdbc.setLong(ps, 15, r.sessionTime());
            Jdbc.setLong(ps, 16, r.inputOctets());
            Jdbc.setLong(ps, 17, r.outputOctets());
            Jdbc.setLong(ps, 18, r.inputPackets());
            Jdbc.setLong(ps, 19, r.outputPackets());
            Jdbc.setInt(ps, 20, r.terminateCause());
            ps.executeUpdate();
        }
    }

    /** The session, locked until the end of the transaction ({@code SELECT ... FOR UPDATE}). */
    public Optional<AcctSessionRow> findForUpdate(String orgId, String nasIp, String acctSessionId) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("SELECT " + SESSION_COLUMNS + " FROM acct_session"
                + " WHERE org_id = ? AND nas_ip = ? AND acct_session_id = ? FOR UPDATE")) {
            ps.setString(1, orgId);
            ps.setString(2, nasIp);
            ps.setString(3, acctSessionId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(session(rs)) : Optional.empty();
            }
        }
    }

    /**
     * Inserts the session unless one with the same (org_id, nas_ip, acct_session_id) exists (another node may have
     * inserted it concurrently). Returns whether this call inserted it.
     */
    public boolean insertIfAbsent(AcctSessionRow s) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("INSERT INTO acct_session (" + SESSION_COLUMNS
                + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING")) {
            ps.setString(1, s.id());
            ps.setString(2, s.orgId());
            ps.setString(3, s.nasIp());
            ps.setString(4, s.acctSessionId());
            bindMutable(ps, 5, s);
            return ps.executeUpdate() == 1;
        }
    }

    /** Writes every mutable column of the session with this id. */
    public void update(AcctSessionRow s) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("UPDATE acct_session SET multi_session_id = ?,"
                + " nas_identifier = ?, mac = ?, username = ?, framed_ip = ?, nas_port = ?, called_station_id = ?,"
                + " status = ?, start_time = ?, stop_time = ?, last_update = ?, session_time = ?, input_octets = ?,"
                + " output_octets = ?, input_packets = ?, output_packets = ?, terminate_cause = ? WHERE id = ?")) {
            int next = bindMutable(ps, 1, s);
            ps.setString(next, s.id());
            ps.executeUpdate();
        }
    }

    private static int bindMutable(PreparedStatement ps, int i, AcctSessionRow s) throws SQLException {
        ps.setString(i++, s.multiSessionId());
        ps.setString(i++, s.nasIdentifier());
        ps.setString(i++, s.mac());
        ps.setString(i++, s.username());
        ps.setString(i++, s.framedIp());
        Jdbc.setLong(ps, i++, s.nasPort());
        ps.setString(i++, s.calledStationId());
        ps.setString(i++, s.status());
        Jdbc.setLong(ps, i++, s.startTime());
        Jdbc.setLong(ps, i++, s.stopTime());
        ps.setLong(i++, s.lastUpdate());
        Jdbc.setLong(ps, i++, s.sessionTime());
        Jdbc.setLong(ps, i++, s.inputOctets());
        Jdbc.setLong(ps, i++, s.outputOctets());
        Jdbc.setLong(ps, i++, s.inputPackets());
        Jdbc.setLong(ps, i++, s.outputPackets());
        Jdbc.setInt(ps, i++, s.terminateCause());
        return i;
    }

    /**
     * Closes every active session of a NAS last updated no later than {@code atMillis} (Accounting-On/Off, RFC 2866
     * §5.1: the NAS lost or is about to lose all its sessions). Returns the number of sessions closed.
     */
    public int closeActiveSessions(String orgId, String nasIp, long atMillis, int terminateCause) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("UPDATE acct_session SET status = 'stopped',"
                + " stop_time = ?, last_update = ?, terminate_cause = COALESCE(terminate_cause, ?)"
                + " WHERE org_id = ? AND nas_ip = ? AND status = 'active' AND last_update <= ?")) {
            ps.setLong(1, atMillis);
            ps.setLong(2, atMillis);
            ps.setInt(3, terminateCause);
            ps.setString(4, orgId);
            ps.setString(5, nasIp);
            ps.setLong(6, atMillis);
            return ps.executeUpdate();
        }
    }

    /** One page of matching sessions, most recently updated first. */
    public List<AcctSessionRow> search(AcctSessionCriteria c, int limit, long offset) throws SQLException {
        List<Object> params = new ArrayList<>();
        String sql = "SELECT " + SESSION_COLUMNS + " FROM acct_session WHERE " + where(c, params)
                + " ORDER BY last_update DESC, id LIMIT " + limit + " OFFSET " + offset;
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            Jdbc.bind(ps, params);
            List<AcctSessionRow> rows = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(session(rs));
                }
            }
            return rows;
        }
    }

    public long count(AcctSessionCriteria c) throws SQLException {
        List<Object> params = new ArrayList<>();
        try (PreparedStatement ps = connection.prepareStatement("SELECT COUNT(*) FROM acct_session WHERE "
                + where(c, params))) {
            Jdbc.bind(ps, params);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** The WHERE clause of a search; appends its parameters to {@code params}. */
    static String where(AcctSessionCriteria c, List<Object> params) {
        StringBuilder sql = new StringBuilder("org_id = ?");
        params.add(c.orgId());
        sql.append(" AND COALESCE(start_time, last_update) <= ? AND COALESCE(stop_time, last_update) >= ?");
        params.add(c.toMillis());
        params.add(c.fromMillis());
        if (c.mac() != null) {
            sql.append(" AND mac = ?");
            params.add(c.mac());
        }
        if (c.username() != null) {
            sql.append(" AND username = ?");
            params.add(c.username());
        }
        if (c.sessionId() != null) {
            sql.append(" AND acct_session_id = ?");
            params.add(c.sessionId());
        }
        if (c.status() != null) {
            sql.append(" AND status = ?");
            params.add(c.status());
        }
        return sql.toString();
    }

    private static AcctSessionRow session(ResultSet rs) throws SQLException {
        return new AcctSessionRow(rs.getString("id"), rs.getString("org_id"), rs.getString("nas_ip"),
                rs.getString("acct_session_id"), rs.getString("multi_session_id"), rs.getString("nas_identifier"),
                rs.getString("mac"), rs.getString("username"), rs.getString("framed_ip"), Jdbc.getLong(rs, "nas_port"),
                rs.getString("called_station_id"), rs.getString("status"), Jdbc.getLong(rs, "start_time"),
                Jdbc.getLong(rs, "stop_time"), rs.getLong("last_update"), Jdbc.getLong(rs, "session_time"),
                Jdbc.getLong(rs, "input_octets"), Jdbc.getLong(rs, "output_octets"), Jdbc.getLong(rs, "input_packets"),
                Jdbc.getLong(rs, "output_packets"), Jdbc.getInt(rs, "terminate_cause"));
    }
}
