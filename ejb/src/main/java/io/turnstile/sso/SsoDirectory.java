package io.turnstile.sso;

import java.util.List;
import java.util.Optional;

/**
 * Where the SAML engine finds an org's SAML SSOs ({@code ssos} with {@code idp_type: saml}) and ssoroles. The
 * {@code ssos} store implements it ({@link SsoStoreDirectory}).
 */
public interface SsoDirectory {

    /** The SAML SSO whose URLs use {@code domain} ({@code /api/v1/saml/{domain}/...}). */
    Optional<SamlSsoConfig> byDomain(String domain);

    /** The SAML SSO {@code ssoId} of org {@code orgId}. */
    Optional<SamlSsoConfig> byId(String orgId, String ssoId);

    /** The SAML SSO {@code ssoId} in whichever org holds it (the SSO an SSO admin belongs to). */
    Optional<SamlSsoConfig> bySsoId(String ssoId);

    /**
     * The SAML SSO whose {@code email_domains} cover {@code email}, for an SSO admin's first login started at
     * Turnstile (SP-initiated) from the e-mail address alone; a disabled SSO offers none.
     */
    Optional<SamlSsoConfig> byEmail(String email);

    /** The org's {@code ssoroles}, read at every login (privileges are recomputed each time). */
    List<SsoRole> ssoRoles(String orgId);
}
