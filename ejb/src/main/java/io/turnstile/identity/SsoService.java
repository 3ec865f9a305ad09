package io.turnstile.identity;

import java.util.Map;
import java.util.Optional;

/**
 * The org's identity providers and SSO configurations (contract: /orgs/{org_id}/ssos). Bodies are JSON objects as
 * maps, checked by {@link SsoDocument} and, for a type with a provider (ldap), by its factory. Secrets are sealed at
 * rest and masked in every {@link Sso}; only {@link #idpConfig} opens them, for the providers.
 */
public interface SsoService {

    SsoPage list(String orgId, int limit, int page);

    /** @throws io.turnstile.platform.ResourceNotFoundException if the org has no such entry */
    Sso get(String orgId, String ssoId);

    /** @throws io.turnstile.platform.InvalidRequestException if the body is not valid */
    Sso create(String orgId, Map<String, Object> body);

    /** Merges the body's top-level fields into the stored entry; see {@link SsoDocument#merge}. */
    Sso update(String orgId, String ssoId, Map<String, Object> body);

    void delete(String orgId, String ssoId);

    /** The entry with secrets in clear, for building its provider; empty if the org has no such entry. */
    Optional<IdpConfig> idpConfig(String orgId, String ssoId);
}
