package io.turnstile.sso;

import java.net.URI;

import io.turnstile.admin.SessionTicket;

/**
 * What happens to a validated, role-matched SAML login: the admin plane creates or updates the SSO admin, with the
 * granted privileges recomputed at every login, starts the session and says where the browser goes next
 * ({@link AdminPlaneLoginSink}).
 */
public interface SsoLoginSink {

    /** The session just opened (for the same cookies as {@code POST /login}) and where the browser goes now. */
    record Admitted(URI location, SessionTicket session) { }

    /**
     * @param previousSessionKey the session cookie the browser sent, if any: closed (session rotation)
     * @throws io.turnstile.admin.LoginRefusedException if the admin plane refuses the account (a local admin's
     *         email, an SSO admin of another SSO, no role in the org)
     */
    Admitted loginSucceeded(SamlSsoConfig sso, SamlLogin login, RoleMatch.Granted grant, String previousSessionKey);

    /** Ends the session of this key (no-op if unknown). */
    void loggedOut(String sessionKey);
}
