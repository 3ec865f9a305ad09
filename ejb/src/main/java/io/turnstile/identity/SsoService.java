package io.turnstile.identity;

import java.util.Map;
import java.util.Optional;

/**
 * The org's identity providers and SSO configurations (contract: /orgs/{org_id}/ssos). Bodies are JSON objects as
 * maps, checked by {@link SsoDocument} and, for a type with a provider (ldap), by its factory. Secrets are sealed at
 * rest and masked in every {@link Sso}; only {@link #idpConfig} opens them, for the providers.
 */
public interface SsoService {

    /**
     * Turnstile extension, in create and update bodies: the IdP's SAML metadata XML, which sets {@code issuer},
     * {@code idp_sso_url}, {@code idp_cert} and {@code nameid_format} (fields the body also gives win); not stored.
     */
    String IDP_METADATA = "idp_metadata";

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
