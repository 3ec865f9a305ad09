package io.turnstile.accounting;

import io.turnstile.endpoints.MacAddress;
import io.turnstile.persistence.accounting.AcctRecordRow;
import io.turnstile.persistence.accounting.AcctSessionRow;
import io.turnstile.persistence.accounting.AcctSessionStore;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.logging.Logger;

/**
 * Records one Accounting-Request on a connection inside the caller's transaction: appends it to {@code acct_record},
 * then applies it to {@code acct_session} ({@link AccountingMerge}) under a row lock; Accounting-On/Off closes the
 * NAS's active sessions. Other status types (e.g. tunnel accounting, RFC 2867) are only appended.
 */
public final class AccountingRecorder {

    private static final Logger LOG = Logger.getLogger(AccountingRecorder.class.getName());

    private final AcctSessionStore store;
    private final Supplier<String> ids;

    public AccountingRecorder(Connection connection, Supplier<String> ids) {
        this.store = new AcctSessionStore(connection);
        this.ids = ids;
    }

    public void record(AccountingRecord r) throws SQLException {
        if (r.orgId() == null) {
            throw new IllegalArgumentException("accounting record without org");
        }
        Instant received = r.receivedAt() != null ? r.receivedAt() : r.eventTime();
        Instant event = r.eventTime() != null ? r.eventTime() : received;
        if (event == null) {
            throw new IllegalArgumentException("accounting record without a time");
        }
        long eventMillis = event.toEpochMilli();
        String mac = MacAddress.parse(r.mac()).map(MacAddress::compact).orElse(null);
        store.insertRecord(new AcctRecordRow(ids.get(), r.orgId(), received.toEpochMilli(), eventMillis,
                r.statusType(), r.nasIp(), r.nasIdentifier(), r.sessionId(), r.multiSessionId(), mac, r.userName(),
                r.framedIp(), r.nasPort(), r.calledStationId(), r.sessionTime(), r.inputOctets(), r.outputOctets(),
                r.inputPackets(), r.outputPackets(), r.terminateCause()));
        switch (r.statusType()) {
            case AccountingMerge.START, AccountingMerge.STOP, AccountingMerge.INTERIM_UPDATE ->
                    applyToSession(r, mac, eventMillis);
            case AccountingMerge.ACCOUNTING_ON, AccountingMerge.ACCOUNTING_OFF -> {
                if (r.nasIp() != null) {
                    int closed = store.closeActiveSessions(r.orgId(), r.nasIp(), eventMillis,
                            AccountingMerge.closingCause(r));
                    if (closed > 0) {
                        LOG.info(() -> "Accounting-" + (r.statusType() == AccountingMerge.ACCOUNTING_ON ? "On" : "Off")
                                + " from " + r.nasIp() + ": closed " + closed + " sessions");
                    }
                }
            }
            default -> {
            }
        }
    }

    private void applyToSession(AccountingRecord r, String mac, long eventMillis) throws SQLException {
        if (r.sessionId() == null || r.nasIp() == null) {
            LOG.fine(() -> "accounting record without Acct-Session-Id or NAS address: recorded, no session");
            return;
        }
        Optional<AcctSessionRow> existing = store.findForUpdate(r.orgId(), r.nasIp(), r.sessionId());
        if (existing.isPresent()) {
            store.update(AccountingMerge.apply(existing.get(), r, mac, eventMillis, null));
            return;
        }
        AcctSessionRow created = AccountingMerge.apply(null, r, mac, eventMillis, ids.get());
        if (!store.insertIfAbsent(created)) {
            // Another transaction inserted the session meanwhile: merge into its row instead.
            AcctSessionRow now = store.findForUpdate(r.orgId(), r.nasIp(), r.sessionId()).orElseThrow(
                    () -> new SQLException("acct_session row vanished during insert"));
            store.update(AccountingMerge.apply(now, r, mac, eventMillis, null));
        }
    }
}
