package io.turnstile.accounting;

import java.time.Instant;

/**
 * One Accounting-Request (RFC 2866), reduced to what a NAC operator searches and reports on.
 *
 * @param statusType    Acct-Status-Type (RFC 2866 §5.1): 1 Start, 2 Stop, 3 Interim-Update, 7 Accounting-On, 8 Accounting-Off
 * @param inputOctets   Acct-Input-Octets plus 2^32 × Acct-Input-Gigawords (RFC 2869 §5.1)
 * @param eventTime     Event-Timestamp (RFC 2869 §5.3) if sent, else the receive time minus Acct-Delay-Time (RFC 2866 §5.2)
 */
public record AccountingRecord(String orgId, String nasIp, String nasIdentifier, int statusType, String sessionId,
                               String multiSessionId, String mac, String userName, String framedIp, Long nasPort,
                               String calledStationId, Long sessionTime, Long inputOctets, Long outputOctets,
                               Long inputPackets, Long outputPackets, Integer terminateCause, Instant eventTime,
                               Instant receivedAt) {
}
