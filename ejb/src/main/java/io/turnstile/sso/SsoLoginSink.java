package io.turnstile.sso;

import java.net.URI;

/**
 * What happens to a validated, role-matched SAML login: the admin plane creates or updates the SSO admin (by
 * {@link SamlLogin#userId()}, with the granted privileges, recomputed at every login), starts the session and says
 * where the browser goes next. {@link SimpleSsoLoginSink} stands in until then.
 */
public interface SsoLoginSink {

    /** Where the admin's browser goes now (the console). */
    URI loginSucceeded(SamlSsoConfig sso, SamlLogin login, RoleMatch.Granted grant);
}
