package io.turnstile.persistence.accounting;

/** A row of {@code acct_record} (migration V4): one Accounting-Request as received. Times in epoch milliseconds. */
public record AcctRecordRow(String id, String orgId, long receivedAt, long eventTime, int statusType, String nasIp,
                            String nasIdentifier, String acctSessionId, String multiSessionId, String mac,
                            String username, String framedIp, Long nasPort, String calledStationId, Long sessionTime,
                            Long inputOctets, Long outputOctets, Long inputPackets, Long outputPackets,
                            Integer terminateCause) {
}
