package io.turnstile.policy;

import io.turnstile.persistence.policy.RuleHitStore;
import jakarta.annotation.Resource;
import jakarta.ejb.EJBException;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.LinkedHashMap;
import java.util.Map;

@Stateless
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class RuleHitServiceBean implements RuleHitService {

    @Resource(lookup = "jdbc/turnstile")
    DataSource dataSource;

    @Inject
    Clock clock;

    @Override
    public Map<String, Map<String, Long>> hits(String orgId, ZoneId zone, Long fromMillis, Long toMillis) {
        Map<String, long[]> windows = windows(clock.millis(), zone);
        if (fromMillis != null && toMillis != null) {
            windows.put("custom", new long[]{fromMillis, toMillis});
        }
        Map<String, Map<String, Long>> out = new LinkedHashMap<>();
        try (Connection c = dataSource.getConnection()) {
            RuleHitStore store = new RuleHitStore(c);
            for (var w : windows.entrySet()) {
                out.put(w.getKey(), store.hits(orgId, w.getValue()[0], w.getValue()[1]));
            }
        } catch (SQLException e) {
            throw new EJBException("rule hit count failed: " + e.getMessage(), e);
        }
        return out;
    }

    /** The named windows ending now (the upper bound is exclusive, so "now" includes this millisecond). */
    static Map<String, long[]> windows(long now, ZoneId zone) {
        long end = now + 1;
        LocalDate today = java.time.Instant.ofEpochMilli(now).atZone(zone).toLocalDate();
        long startOfToday = today.atStartOfDay(zone).toInstant().toEpochMilli();
        long startOfYesterday = today.minusDays(1).atStartOfDay(zone).toInstant().toEpochMilli();
        long startOfWeek = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).atStartOfDay(zone)
                .toInstant().toEpochMilli();
        Map<String, long[]> w = new LinkedHashMap<>();
        w.put("last_60m", new long[]{now - 3_600_000L, end});
        w.put("last_24h", new long[]{now - 86_400_000L, end});
        w.put("last_7d", new long[]{now - 7 * 86_400_000L, end});
        w.put("today", new long[]{startOfToday, end});
        w.put("yesterday", new long[]{startOfYesterday, startOfToday});
        w.put("this_week", new long[]{startOfWeek, end});
        return w;
    }
}
