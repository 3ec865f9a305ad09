package io.turnstile.persistence.events;

import io.turnstile.persistence.jdbc.Jdbc;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * JDBC access to {@code nac_event} and {@code nac_client} on a connection the caller owns (the JTA data source inside
 * a container transaction, or H2 in tests). Plain SQL, the same on H2 (MODE=PostgreSQL) and PostgreSQL 15. JDBC
 * rather than JPA: batched inserts, row locks and insert-if-absent ({@code ON CONFLICT DO NOTHING}).
 */
public class NacEventStore {

    /** Largest IN list sent in one query. */
    static final int CHUNK = 500;

    static final String EVENT_COLUMNS = "id, org_id, site_id, ts, type, mac, username, auth_type, port_type, nas_ip,"
            + " nas_vendor, ssid, vlan, vlan_source, role, nacrule_id, nacrule_name, nacrule_matched, usermac_labels,"
            + " resp_attrs, reason, facts";

    static final String CLIENT_COLUMNS = "org_id, mac, site_id, last_type, status, auth_type, port_type, username,"
            + " vlan, role, nas_ip, nas_vendor, ssid, nacrule_id, nacrule_name, nacrule_matched, usermac_labels,"
            + " first_seen, last_seen, last_cert";

    /** Columns of {@code nac_event} a search may filter or count on. */
    public static final Set<String> EVENT_FILTER_COLUMNS = Set.of("site_id", "type", "mac", "username", "auth_type",
            "port_type", "nas_ip", "nas_vendor", "ssid", "vlan", "role", "nacrule_id", "nacrule_name",
            "nacrule_matched", "reason");

    /** Event filters with an index of their own (org, column, ts): see {@link #eventOrder}. */
    static final Set<String> INDEXED_EVENT_FILTERS = Set.of("mac", "username", "nacrule_id");

    /** Columns of {@code nac_client} a search may filter or count on. */
    public static final Set<String> CLIENT_FILTER_COLUMNS = Set.of("site_id", "mac", "last_type", "status",
            "auth_type", "port_type", "username", "vlan", "role", "nas_ip", "nas_vendor", "ssid", "nacrule_id",
            "nacrule_name", "nacrule_matched");

    /** A value and how many rows have it (a count by distinct value). */
    public record Count(Object value, long count) {
    }

    private final Connection connection;

    public NacEventStore(Connection connection) {
        this.connection = connection;
    }

    /**
     * Inserts the events as one JDBC batch. An event whose id is already stored is skipped, so a JMS batch redelivered
     * after its insert had committed (a crash between commit and acknowledgement) is harmless.
     */
    public void insertEvents(List<NacEventRow> rows) throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = connection.prepareStatement("INSERT INTO nac_event (" + EVENT_COLUMNS
                + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING")) {
            for (NacEventRow r : rows) {
                int i = 1;
                ps.setString(i++, r.id());
                ps.setString(i++, r.orgId());
                ps.setString(i++, r.siteId());
                ps.setLong(i++, r.ts());
                ps.setString(i++, r.type());
                ps.setString(i++, r.mac());
                ps.setString(i++, r.username());
                ps.setString(i++, r.authType());
                ps.setString(i++, r.portType());
                ps.setString(i++, r.nasIp());
                ps.setString(i++, r.nasVendor());
                ps.setString(i++, r.ssid());
                ps.setString(i++, r.vlan());
                ps.setString(i++, r.vlanSource());
                ps.setString(i++, r.role());
                ps.setString(i++, r.nacruleId());
                ps.setString(i++, r.nacruleName());
                Jdbc.setBoolean(ps, i++, r.nacruleMatched());
                ps.setString(i++, r.usermacLabels());
                ps.setString(i++, r.respAttrs());
                ps.setString(i++, r.reason());
                ps.setString(i, r.facts());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /**
     * The client rows of these MACs of one org, locked until the end of the transaction. Locks are taken in MAC order
     * so that two writers never wait on each other in a cycle.
     */
    public Map<String, NacClientRow> clientsForUpdate(String orgId, Collection<String> macs) throws SQLException {
        List<String> sorted = new ArrayList<>(new TreeSet<>(macs));
        Map<String, NacClientRow> found = new HashMap<>();
        for (int from = 0; from < sorted.size(); from += CHUNK) {
            List<String> chunk = sorted.subList(from, Math.min(from + CHUNK, sorted.size()));
            String sql = "SELECT " + CLIENT_COLUMNS + " FROM nac_client WHERE org_id = ? AND mac IN ("
                    + placeholders(chunk.size()) + ") ORDER BY mac FOR UPDATE";
            try (PreparedStatement ps = connection.prepareStatement(sql)) {
                ps.setString(1, orgId);
                for (int i = 0; i < chunk.size(); i++) {
                    ps.setString(i + 2, chunk.get(i));
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        NacClientRow row = client(rs);
                        found.put(row.mac(), row);
                    }
                }
            }
        }
        return found;
    }

    /** Inserts the client unless a row for (org_id, mac) exists; returns whether this call inserted it. */
    public boolean insertClientIfAbsent(NacClientRow c) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("INSERT INTO nac_client (" + CLIENT_COLUMNS
                + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING")) {
            ps.setString(1, c.orgId());
            ps.setString(2, c.mac());
            bindClientState(ps, 3, c);
            return ps.executeUpdate() == 1;
        }
    }

    /**
     * Inserts each client unless a row for its (org_id, mac) exists, as one JDBC batch; returns, per row, whether this
     * call inserted it.
     */
    public boolean[] insertClientsIfAbsent(List<NacClientRow> rows) throws SQLException {
        boolean[] inserted = new boolean[rows.size()];
        if (rows.isEmpty()) {
            return inserted;
        }
        try (PreparedStatement ps = connection.prepareStatement("INSERT INTO nac_client (" + CLIENT_COLUMNS
                + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING")) {
            for (NacClientRow c : rows) {
                ps.setString(1, c.orgId());
                ps.setString(2, c.mac());
                bindClientState(ps, 3, c);
                ps.addBatch();
            }
            int[] counts = ps.executeBatch();
            for (int i = 0; i < inserted.length; i++) {
                inserted[i] = counts[i] == 1;
            }
        }
        return inserted;
    }

    /** Writes every state column of the client row (org_id, mac). */
    public void updateClient(NacClientRow c) throws SQLException {
        updateClients(List.of(c));
    }

    /**
     * {@link #updateClient} for many rows as one JDBC batch: one statement prepared and sent once per batch of events,
     * not once per client (the per-row statements were most of the event writer's database time).
     */
    public void updateClients(List<NacClientRow> rows) throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = connection.prepareStatement("UPDATE nac_client SET site_id = ?, last_type = ?,"
                + " status = ?, auth_type = ?, port_type = ?, username = ?, vlan = ?, role = ?, nas_ip = ?,"
                + " nas_vendor = ?, ssid = ?, nacrule_id = ?, nacrule_name = ?, nacrule_matched = ?,"
                + " usermac_labels = ?, first_seen = ?, last_seen = ?, last_cert = ? WHERE org_id = ? AND mac = ?")) {
            for (NacClientRow c : rows) {
                int i = bindClientState(ps, 1, c);
                ps.setString(i++, c.orgId());
                ps.setString(i, c.mac());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    private static int bindClientState(PreparedStatement ps, int i, NacClientRow c) throws SQLException {
        ps.setString(i++, c.siteId());
        ps.setString(i++, c.lastType());
        ps.setString(i++, c.status());
        ps.setString(i++, c.authType());
        ps.setString(i++, c.portType());
        ps.setString(i++, c.username());
        ps.setString(i++, c.vlan());
        ps.setString(i++, c.role());
        ps.setString(i++, c.nasIp());
        ps.setString(i++, c.nasVendor());
        ps.setString(i++, c.ssid());
        ps.setString(i++, c.nacruleId());
        ps.setString(i++, c.nacruleName());
        Jdbc.setBoolean(ps, i++, c.nacruleMatched());
        ps.setString(i++, c.usermacLabels());
        ps.setLong(i++, c.firstSeen());
        ps.setLong(i++, c.lastSeen());
        ps.setString(i++, c.lastCert());
        return i;
    }

    /** One page of matching events, newest first. */
    public List<NacEventRow> searchEvents(NacSearchCriteria c, int limit, long offset) throws SQLException {
        List<Object> params = new ArrayList<>();
        String sql = "SELECT " + EVENT_COLUMNS + " FROM nac_event WHERE " + where(c, "ts", EVENT_FILTER_COLUMNS, params)
                + " ORDER BY " + eventOrder(c) + " LIMIT " + limit + " OFFSET " + offset;
        List<NacEventRow> rows = new ArrayList<>();
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            Jdbc.bind(ps, params);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(event(rs));
                }
            }
        }
        return rows;
    }

    /**
     * The order of a page of events: newest first. Without a filter that has an index of its own, the org (one value
     * here) leads, so that H2 reads the page off {@code ix_nac_event_org_ts_id} in index order (it uses an index for
     * ORDER BY only when the ORDER BY is a prefix of the index) instead of sorting the window. With such a filter
     * (a MAC, a user name, a rule) the matches are few and are best found through that filter's index, which H2
     * would pass over for the index-ordered scan.
     */
    static String eventOrder(NacSearchCriteria c) {
        return c.equals().keySet().stream().anyMatch(INDEXED_EVENT_FILTERS::contains) ? "ts DESC, id"
                : "org_id, ts DESC, id";
    }

    public long countEvents(NacSearchCriteria c) throws SQLException {
        return count("nac_event", "ts", EVENT_FILTER_COLUMNS, c);
    }

    /**
     * Matching events counted up to {@code cap}: the database stops after {@code cap} index entries instead of
     * counting the whole window, so a page over a million stored events costs what a page over {@code cap} costs.
     */
    public long countEventsUpTo(NacSearchCriteria c, long cap) throws SQLException {
        List<Object> params = new ArrayList<>();
        String sql = "SELECT COUNT(*) FROM (SELECT 1 FROM nac_event WHERE "
                + where(c, "ts", EVENT_FILTER_COLUMNS, params) + " LIMIT " + Math.max(0, cap) + ") capped";
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            Jdbc.bind(ps, params);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** Matching events counted by distinct value of {@code column}, largest counts first. */
    public List<Count> countEventsBy(NacSearchCriteria c, String column, int limit) throws SQLException {
        return countBy("nac_event", "ts", EVENT_FILTER_COLUMNS, c, column, limit);
    }

    /** How many distinct values of {@code column} the matching events have. */
    public long distinctEvents(NacSearchCriteria c, String column) throws SQLException {
        return distinct("nac_event", "ts", EVENT_FILTER_COLUMNS, c, column);
    }

    /** One page of matching clients, most recently seen first. */
    public List<NacClientRow> searchClients(NacSearchCriteria c, int limit, long offset) throws SQLException {
        List<Object> params = new ArrayList<>();
        String sql = "SELECT " + CLIENT_COLUMNS + " FROM nac_client WHERE "
                + where(c, "last_seen", CLIENT_FILTER_COLUMNS, params)
                + " ORDER BY last_seen DESC, mac LIMIT " + limit + " OFFSET " + offset;
        List<NacClientRow> rows = new ArrayList<>();
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            Jdbc.bind(ps, params);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(client(rs));
                }
            }
        }
        return rows;
    }

    public long countClients(NacSearchCriteria c) throws SQLException {
        return count("nac_client", "last_seen", CLIENT_FILTER_COLUMNS, c);
    }

    public List<Count> countClientsBy(NacSearchCriteria c, String column, int limit) throws SQLException {
        return countBy("nac_client", "last_seen", CLIENT_FILTER_COLUMNS, c, column, limit);
    }

    public long distinctClients(NacSearchCriteria c, String column) throws SQLException {
        return distinct("nac_client", "last_seen", CLIENT_FILTER_COLUMNS, c, column);
    }

    private long count(String table, String timeColumn, Set<String> allowed, NacSearchCriteria c) throws SQLException {
        List<Object> params = new ArrayList<>();
        String sql = "SELECT COUNT(*) FROM " + table + " WHERE " + where(c, timeColumn, allowed, params);
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            Jdbc.bind(ps, params);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private List<Count> countBy(String table, String timeColumn, Set<String> allowed, NacSearchCriteria c,
                                String column, int limit) throws SQLException {
        checkColumn(column, allowed);
        List<Object> params = new ArrayList<>();
        String sql = "SELECT " + column + " AS v, COUNT(*) AS n FROM " + table + " WHERE "
                + where(c, timeColumn, allowed, params) + " AND " + column + " IS NOT NULL GROUP BY " + column
                + " ORDER BY n DESC, v LIMIT " + limit;
        List<Count> counts = new ArrayList<>();
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            Jdbc.bind(ps, params);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    counts.add(new Count(rs.getObject("v"), rs.getLong("n")));
                }
            }
        }
        return counts;
    }

    private long distinct(String table, String timeColumn, Set<String> allowed, NacSearchCriteria c, String column)
            throws SQLException {
        checkColumn(column, allowed);
        List<Object> params = new ArrayList<>();
        String sql = "SELECT COUNT(DISTINCT " + column + ") FROM " + table + " WHERE "
                + where(c, timeColumn, allowed, params);
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            Jdbc.bind(ps, params);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /**
     * The WHERE clause of a search (org, time window on {@code timeColumn}, equality filters in the criteria's order);
     * appends its parameters to {@code params}. Column names come only from {@code allowed}, never from input.
     */
    static String where(NacSearchCriteria c, String timeColumn, Set<String> allowed, List<Object> params) {
        StringBuilder sql = new StringBuilder("org_id = ? AND ").append(timeColumn).append(" >= ? AND ")
                .append(timeColumn).append(" <= ?");
        params.add(c.orgId());
        params.add(c.fromMillis());
        params.add(c.toMillis());
        for (Map.Entry<String, Object> filter : c.equals().entrySet()) {
            checkColumn(filter.getKey(), allowed);
            sql.append(" AND ").append(filter.getKey()).append(" = ?");
            params.add(filter.getValue());
        }
        return sql.toString();
    }

    /** {@link #where} for the events table, exposed for tests of the query builder. */
    public static String eventWhere(NacSearchCriteria c, List<Object> params) {
        return where(c, "ts", EVENT_FILTER_COLUMNS, params);
    }

    /** {@link #where} for the clients table, exposed for tests of the query builder. */
    public static String clientWhere(NacSearchCriteria c, List<Object> params) {
        return where(c, "last_seen", CLIENT_FILTER_COLUMNS, params);
    }

    private static void checkColumn(String column, Set<String> allowed) {
        if (!allowed.contains(column)) {
            throw new IllegalArgumentException("not a searchable column: " + column);
        }
    }

    private static String placeholders(int n) {
        return String.join(", ", java.util.Collections.nCopies(n, "?"));
    }

    private static NacEventRow event(ResultSet rs) throws SQLException {
        return new NacEventRow(rs.getString("id"), rs.getString("org_id"), rs.getString("site_id"), rs.getLong("ts"),
                rs.getString("type"), rs.getString("mac"), rs.getString("username"), rs.getString("auth_type"),
                rs.getString("port_type"), rs.getString("nas_ip"), rs.getString("nas_vendor"), rs.getString("ssid"),
                rs.getString("vlan"), rs.getString("vlan_source"), rs.getString("role"), rs.getString("nacrule_id"),
                rs.getString("nacrule_name"), Jdbc.getBoolean(rs, "nacrule_matched"), rs.getString("usermac_labels"),
                rs.getString("resp_attrs"), rs.getString("reason"), rs.getString("facts"));
    }

    private static NacClientRow client(ResultSet rs) throws SQLException {
        return new NacClientRow(rs.getString("org_id"), rs.getString("mac"), rs.getString("site_id"),
                rs.getString("last_type"), rs.getString("status"), rs.getString("auth_type"),
                rs.getString("port_type"), rs.getString("username"), rs.getString("vlan"), rs.getString("role"),
                rs.getString("nas_ip"), rs.getString("nas_vendor"), rs.getString("ssid"), rs.getString("nacrule_id"),
                rs.getString("nacrule_name"), Jdbc.getBoolean(rs, "nacrule_matched"), rs.getString("usermac_labels"),
                rs.getLong("first_seen"), rs.getLong("last_seen"), rs.getString("last_cert"));
    }
}
