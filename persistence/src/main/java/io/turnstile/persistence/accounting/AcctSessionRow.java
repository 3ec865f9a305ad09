package io.turnstile.persistence.accounting;

/**
 * A row of {@code acct_session} (migration V4). Times are epoch milliseconds; counters are totals (gigawords
 * included).
 *
 * @param status "active" or "stopped"
 */
public record AcctSessionRow(String id, String orgId, String nasIp, String acctSessionId, String multiSessionId,
                             String nasIdentifier, String mac, String username, String framedIp, Long nasPort,
                             String calledStationId, String status, Long startTime, Long stopTime, long lastUpdate,
                             Long sessionTime, Long inputOctets, Long outputOctets, Long inputPackets,
                             Long outputPackets, Integer terminateCause) {

    public static final String ACTIVE = "active";
    public static final String STOPPED = "stopped";
}
