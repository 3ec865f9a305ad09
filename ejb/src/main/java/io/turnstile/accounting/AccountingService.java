package io.turnstile.accounting;

/**
 * Persists accounting (RFC 2866). {@link #record} returns only after the record is committed, so the caller may then
 * send the Accounting-Response (RFC 2866 §2: the server must not answer before it has recorded the request).
 */
public interface AccountingService {

    void record(AccountingRecord record);
}
