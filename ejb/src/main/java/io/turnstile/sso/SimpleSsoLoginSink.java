package io.turnstile.sso;

import java.net.URI;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Stand-in {@link SsoLoginSink} until the admin plane's session service replaces it: it starts no session and
 * sends the browser to the console root. Logs only ids, never the assertion.
 */
@ApplicationScoped
public class SimpleSsoLoginSink implements SsoLoginSink {

    private static final Logger LOG = Logger.getLogger(SimpleSsoLoginSink.class.getName());

    @Override
    public URI loginSucceeded(SamlSsoConfig sso, SamlLogin login, RoleMatch.Granted grant) {
        LOG.info(() -> "SAML login of admin " + login.userId() + " by SSO " + sso.ssoId() + " with roles " + grant.roles());
        return URI.create("/");
    }
}
