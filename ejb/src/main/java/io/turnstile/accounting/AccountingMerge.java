package io.turnstile.accounting;

import io.turnstile.persistence.accounting.AcctSessionRow;

/**
 * How one Accounting-Request (RFC 2866) changes the stored session. Records may arrive late, twice, or out of order
 * (UDP, retransmission, several NAS queues), so:
 * <ul>
 *   <li>a Stop or Interim-Update without a Start creates the session (start time derived from Acct-Session-Time when
 *       known);</li>
 *   <li>counters (octets, packets, session time) only grow: each is the maximum of the stored and the received
 *       value;</li>
 *   <li>a stopped session stays stopped: a late Start or Interim-Update adds what it knows but does not reopen it;</li>
 *   <li>identity fields (MAC, user name, framed IP, ...) take the newer record's value when it has one; an older record
 *       only fills what is missing;</li>
 *   <li>{@code last_update} is the latest event time seen.</li>
 * </ul>
 */
public final class AccountingMerge {

    /** Acct-Status-Type values (RFC 2866 §5.1). */
    public static final int START = 1;
    public static final int STOP = 2;
    public static final int INTERIM_UPDATE = 3;
    public static final int ACCOUNTING_ON = 7;
    public static final int ACCOUNTING_OFF = 8;

    /** Acct-Terminate-Cause (RFC 2866 §5.10) given to sessions closed by Accounting-On: NAS Reboot. */
    public static final int CAUSE_NAS_REBOOT = 11;
    /** Acct-Terminate-Cause given to sessions closed by Accounting-Off: Admin Reboot (service ended on the NAS). */
    public static final int CAUSE_ADMIN_REBOOT = 7;

    private AccountingMerge() {
    }

    /**
     * The session after a Start, Stop or Interim-Update.
     *
     * @param existing    the stored session, or null
     * @param r           the record (its session id and NAS address identify the session)
     * @param mac         the record's MAC, normalized, or null
     * @param eventMillis when the event happened (epoch milliseconds)
     * @param newId       id for a new session
     */
    public static AcctSessionRow apply(AcctSessionRow existing, AccountingRecord r, String mac, long eventMillis,
                                       String newId) {
        int type = r.statusType();
        if (type != START && type != STOP && type != INTERIM_UPDATE) {
            throw new IllegalArgumentException("not a session record: Acct-Status-Type " + type);
        }
        Long derivedStart = r.sessionTime() == null ? null : eventMillis - r.sessionTime() * 1000;
        if (existing == null) {
            boolean stop = type == STOP;
            return new AcctSessionRow(newId, r.orgId(), r.nasIp(), r.sessionId(), r.multiSessionId(),
                    r.nasIdentifier(), mac, r.userName(), r.framedIp(), r.nasPort(), r.calledStationId(),
                    stop ? AcctSessionRow.STOPPED : AcctSessionRow.ACTIVE,
                    type == START ? Long.valueOf(eventMillis) : derivedStart, stop ? eventMillis : null, eventMillis,
                    r.sessionTime(), r.inputOctets(), r.outputOctets(), r.inputPackets(), r.outputPackets(),
                    stop ? r.terminateCause() : null);
        }
        boolean newer = eventMillis >= existing.lastUpdate();
        String status = type == STOP ? AcctSessionRow.STOPPED : existing.status();
        Long startTime;
        if (type == START) {
            startTime = min(existing.startTime(), eventMillis);
        } else {
            startTime = existing.startTime() != null ? existing.startTime() : derivedStart;
        }
        Long stopTime = existing.stopTime();
        Integer cause = existing.terminateCause();
        if (type == STOP) {
            stopTime = existing.stopTime() == null ? Long.valueOf(eventMillis) : Long.valueOf(Math.max(existing.stopTime(), eventMillis));
            if (r.terminateCause() != null && (cause == null || newer)) {
                cause = r.terminateCause();
            }
        }
        return new AcctSessionRow(existing.id(), existing.orgId(), existing.nasIp(), existing.acctSessionId(),
                pick(newer, r.multiSessionId(), existing.multiSessionId()),
                pick(newer, r.nasIdentifier(), existing.nasIdentifier()),
                pick(newer, mac, existing.mac()),
                pick(newer, r.userName(), existing.username()),
                pick(newer, r.framedIp(), existing.framedIp()),
                pick(newer, r.nasPort(), existing.nasPort()),
                pick(newer, r.calledStationId(), existing.calledStationId()),
                status, startTime, stopTime, Math.max(existing.lastUpdate(), eventMillis),
                max(existing.sessionTime(), r.sessionTime()),
                max(existing.inputOctets(), r.inputOctets()),
                max(existing.outputOctets(), r.outputOctets()),
                max(existing.inputPackets(), r.inputPackets()),
                max(existing.outputPackets(), r.outputPackets()),
                cause);
    }

    /** The Acct-Terminate-Cause for sessions closed by Accounting-On (7) or Accounting-Off (8). */
    public static int closingCause(AccountingRecord r) {
        if (r.terminateCause() != null) {
            return r.terminateCause();
        }
        return r.statusType() == ACCOUNTING_ON ? CAUSE_NAS_REBOOT : CAUSE_ADMIN_REBOOT;
    }

    /** The value from the newer record if it has one; otherwise the other. */
    static <T> T pick(boolean recordIsNewer, T fromRecord, T stored) {
        if (recordIsNewer) {
            return fromRecord != null ? fromRecord : stored;
        }
        return stored != null ? stored : fromRecord;
    }

    static Long max(Long a, Long b) {
        if (a == null) {
            return b;
        }
        if (b == null) {
            return a;
        }
        return Math.max(a, b);
    }

    static Long min(Long a, long b) {
        return a == null ? b : Math.min(a, b);
    }
}
