package io.turnstile.sso;

import java.net.URI;
import java.util.Optional;

import io.turnstile.admin.AdminService;
import io.turnstile.admin.SessionTicket;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * {@link SsoLoginSink} on the admin plane: {@link AdminService#ssoSignIn} creates the SSO admin on its first login
 * (bound to this SSO), sets its privileges from the matched ssoroles at every login, opens the session and writes
 * the audit line '<name> <email> Login with Role “<role>”'; the browser then goes to the console.
 */
@ApplicationScoped
public class AdminPlaneLoginSink implements SsoLoginSink {

    @Inject
    AdminService admins;

    /** Where a signed-in admin lands: the console's dashboard. */
    @Inject
    @ConfigProperty(name = "turnstile.sso.console-url", defaultValue = "/console/dashboard.xhtml")
    String consoleUrl;

    @Override
    public Admitted loginSucceeded(SamlSsoConfig sso, SamlLogin login, RoleMatch.Granted grant,
                                   String previousSessionKey) {
        if (previousSessionKey != null) {
            admins.logout(previousSessionKey);
        }
        // With nameid_format unspecified the IdP may still send an e-mail NameID; the account is keyed by e-mail.
        String email = Optional.ofNullable(login.email()).orElse(login.nameId());
        SessionTicket ticket = admins.ssoSignIn(sso.orgId(), sso.ssoId(), email, login.firstName(), login.lastName(),
                grant.roles());
        return new Admitted(URI.create(consoleUrl), ticket);
    }

    @Override
    public void loggedOut(String sessionKey) {
        admins.logout(sessionKey);
    }
}
