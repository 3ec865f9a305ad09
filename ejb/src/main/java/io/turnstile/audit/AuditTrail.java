package io.turnstile.audit;

import io.turnstile.admin.Caller;

/**
 * Records configuration changes and logins in the audit log. Must be called inside the transaction that makes the
 * change (the implementation requires one): the entry commits or rolls back with the change, so there is no change
 * without its line. Adding audit to a service is one line after the change:
 * <pre>{@code audit.record(orgId, "Update Usermac " + mac, before, after);}</pre>
 * {@code before}/{@code after} may be maps, records (rendered with snake_case field names), lists or null; fields
 * that hold secrets (secret, password, key, passphrase, psk, token...) are redacted ({@link AuditRedaction}).
 */
public interface AuditTrail {

    /** An entry made by the caller of the current request (or "system" outside requests). */
    void record(String orgId, String message, Object before, Object after);

    /** An entry made by {@code actor} (e.g. a login, before any caller is known). */
    void record(Caller actor, String orgId, String message, Object before, Object after);
}
