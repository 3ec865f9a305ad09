package io.turnstile.events;

import io.turnstile.persistence.events.NacClientRow;
import io.turnstile.persistence.events.NacEventRow;
import io.turnstile.persistence.events.NacEventStore;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.logging.Logger;

/**
 * Writes a batch of events on a connection inside the caller's transaction: one JDBC batch insert into
 * {@code nac_event}, then the {@code nac_client} rows of the batch's MACs, locked in MAC order, merged
 * ({@link NacClientMerge}) and updated, or inserted if new ({@code ON CONFLICT DO NOTHING}; if another writer inserted
 * the row meanwhile, it is locked and merged instead).
 */
public final class NacEventBatchWriter {

    private static final Logger LOG = Logger.getLogger(NacEventBatchWriter.class.getName());

    private final NacEventStore store;
    private final Supplier<String> ids;

    public NacEventBatchWriter(Connection connection, Supplier<String> ids) {
        this.store = new NacEventStore(connection);
        this.ids = ids;
    }

    /** Returns the number of events stored (events without org or type are left out, with a warning). */
    public int write(List<NacEvent> events, long nowMillis) throws SQLException {
        List<NacEventRow> rows = new ArrayList<>(events.size());
        for (NacEvent e : events) {
            NacEventRows.toRow(e, nowMillis, ids).ifPresentOrElse(rows::add,
                    () -> LOG.warning(() -> "NAC event without org or type not stored: " + e));
        }
        store.insertEvents(rows);
        Map<String, Map<String, List<NacEventRow>>> byOrgAndMac = new LinkedHashMap<>();
        for (NacEventRow r : rows) {
            if (r.mac() != null) {
                byOrgAndMac.computeIfAbsent(r.orgId(), o -> new LinkedHashMap<>())
                        .computeIfAbsent(r.mac(), m -> new ArrayList<>()).add(r);
            }
        }
        for (Map.Entry<String, Map<String, List<NacEventRow>>> org : byOrgAndMac.entrySet()) {
            Map<String, NacClientRow> existing = store.clientsForUpdate(org.getKey(), org.getValue().keySet());
            List<NacClientRow> updates = new ArrayList<>();
            List<NacClientRow> inserts = new ArrayList<>();
            for (Map.Entry<String, List<NacEventRow>> mac : org.getValue().entrySet()) {
                NacClientRow current = existing.get(mac.getKey());
                NacClientRow merged = NacClientMerge.apply(current, mac.getValue());
                (current != null ? updates : inserts).add(merged);
            }
            // One JDBC batch each for the updates and the inserts; a row another writer inserted meanwhile is
            // locked and merged instead, as before.
            store.updateClients(updates);
            boolean[] inserted = store.insertClientsIfAbsent(inserts);
            List<String> raced = new ArrayList<>();
            for (int i = 0; i < inserted.length; i++) {
                if (!inserted[i]) {
                    raced.add(inserts.get(i).mac());
                }
            }
            if (!raced.isEmpty()) {
                Map<String, NacClientRow> concurrent = store.clientsForUpdate(org.getKey(), raced);
                List<NacClientRow> merged = new ArrayList<>();
                for (String mac : raced) {
                    merged.add(NacClientMerge.apply(concurrent.get(mac), org.getValue().get(mac)));
                }
                store.updateClients(merged);
            }
        }
        return rows.size();
    }
}
