package io.turnstile.sso;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The base URL the IdP and browsers reach Turnstile at, which the SAML URLs (entity id, ACS, logout) are built on:
 * {@code turnstile.public.url} when set (behind a proxy it must be), otherwise the request's own scheme, host and
 * port. Responses are always checked against this same value, so a wrong setting fails closed (WRONG_DESTINATION).
 */
@ApplicationScoped
public class PublicBaseUrl {

    @Inject
    @ConfigProperty(name = "turnstile.public.url")
    Optional<String> configured;

    public String resolve(String scheme, String host, int port) {
        if (configured.isPresent() && !configured.get().isBlank()) {
            String c = configured.get().strip();
            return c.endsWith("/") ? c.substring(0, c.length() - 1) : c;
        }
        boolean defaultPort = port <= 0 || ("http".equals(scheme) && port == 80) || ("https".equals(scheme) && port == 443);
        return scheme + "://" + host + (defaultPort ? "" : ":" + port);
    }
}
