package io.turnstile.sso;

import java.util.List;

/**
 * The per-SSO log of refused logins (contract: {@code GET /api/v1/orgs/{org_id}/ssos/{sso_id}/failures}), plus the
 * successful ones while the SSO's diagnostic switch is on (kept for at most {@link #DIAGNOSTIC_KEEP}).
 */
public interface SsoFailureLog {

    java.time.Duration DIAGNOSTIC_KEEP = java.time.Duration.ofHours(1);

    /** One entry: contract fields {@code timestamp} (epoch seconds), {@code detail}, {@code saml_assertion_xml}. */
    record Entry(double timestamp, String detail, String samlAssertionXml, boolean success) {
    }

    void recordFailure(SamlSsoConfig sso, SamlLoginFailure failure);

    /** Keeps a successful login's response if the SSO's diagnostic switch is on. */
    void recordSuccess(SamlSsoConfig sso, SamlLogin login);

    List<Entry> list(String orgId, String ssoId, long fromMillis, long toMillis, int limit, int page);
}
