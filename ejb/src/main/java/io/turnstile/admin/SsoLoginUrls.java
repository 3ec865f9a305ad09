package io.turnstile.admin;

import java.util.Optional;

/**
 * Where an SSO admin's SP-initiated login starts, for {@code POST /login/lookup}: implemented by the SAML SSO
 * capability (an SSO whose {@code email_domains} covers the email). Optional: without an implementation, lookup
 * answers without {@code sso_url}.
 */
public interface SsoLoginUrls {

    Optional<String> ssoUrlFor(String email);
}
