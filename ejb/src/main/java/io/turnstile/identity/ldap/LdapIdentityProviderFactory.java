package io.turnstile.identity.ldap;

import io.turnstile.identity.IdentityProvider;
import io.turnstile.identity.IdentityProviderFactory;
import io.turnstile.identity.IdpConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.Map;

/**
 * {@code idp_type} ldap. Network bounds come from MicroProfile Config ({@code turnstile.idp.ldap.connect-timeout-ms},
 * {@code turnstile.idp.ldap.response-timeout-ms}, {@code turnstile.idp.ldap.max-connections}).
 */
@ApplicationScoped
public class LdapIdentityProviderFactory implements IdentityProviderFactory {

    public static final String IDP_TYPE = "ldap";

    @Inject
    @ConfigProperty(name = "turnstile.idp.ldap.connect-timeout-ms", defaultValue = "2000")
    int connectMillis;

    @Inject
    @ConfigProperty(name = "turnstile.idp.ldap.response-timeout-ms", defaultValue = "3000")
    int responseMillis;

    @Inject
    @ConfigProperty(name = "turnstile.idp.ldap.max-connections", defaultValue = "8")
    int maxConnections;

    @Override
    public String idpType() {
        return IDP_TYPE;
    }

    @Override
    public void validate(Map<String, Object> fields) {
        LdapSettings.parse(fields);
    }

    @Override
    public IdentityProvider create(IdpConfig config) {
        return new LdapIdentityProvider(LdapSettings.parse(config.fields()),
                new LdapTimeouts(connectMillis, responseMillis, maxConnections));
    }
}
