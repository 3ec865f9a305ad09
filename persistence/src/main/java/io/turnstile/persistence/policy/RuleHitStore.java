package io.turnstile.persistence.policy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

/**
 * Rule hit counts from the stored NAC events ({@code nac_event.nacrule_id}), on a connection the caller owns. One
 * grouped count per time window, served by {@code ix_nac_event_org_rule_ts}.
 */
public class RuleHitStore {

    private final Connection connection;

    public RuleHitStore(Connection connection) {
        this.connection = connection;
    }

    /** Events per rule id with {@code from <= ts < to} (epoch milliseconds). */
    public Map<String, Long> hits(String orgId, long fromMillis, long toMillis) throws SQLException {
        Map<String, Long> out = new HashMap<>();
        try (PreparedStatement ps = connection.prepareStatement("SELECT nacrule_id, COUNT(*) AS n FROM nac_event"
                + " WHERE org_id = ? AND nacrule_id IS NOT NULL AND ts >= ? AND ts < ? GROUP BY nacrule_id")) {
            ps.setString(1, orgId);
            ps.setLong(2, fromMillis);
            ps.setLong(3, toMillis);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getString(1), rs.getLong(2));
                }
            }
        }
        return out;
    }
}
