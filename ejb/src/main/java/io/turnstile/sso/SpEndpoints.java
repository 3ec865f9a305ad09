package io.turnstile.sso;

import java.util.Objects;

/**
 * The service-provider side of one SSO: its URLs under Turnstile's public base URL. As in the contract's
 * {@code saml_metadata} example, the SP entity id is the ACS URL, so the {@code Audience} an IdP puts in an assertion
 * names exactly one SSO.
 */
public record SpEndpoints(String entityId, String acsUrl, String logoutUrl) {

    public SpEndpoints {
        Objects.requireNonNull(entityId, "entityId");
        Objects.requireNonNull(acsUrl, "acsUrl");
        Objects.requireNonNull(logoutUrl, "logoutUrl");
    }

    /** {@code publicBaseUrl} such as {@code https://nac.example.com}; the paths are the contract's. */
    public static SpEndpoints of(String publicBaseUrl, String domain) {
        String base = publicBaseUrl.endsWith("/") ? publicBaseUrl.substring(0, publicBaseUrl.length() - 1) : publicBaseUrl;
        if (domain == null || !domain.matches("[A-Za-z0-9_-]{1,64}")) {
            throw new IllegalArgumentException("SSO domain must be 1..64 characters of [A-Za-z0-9_-]");
        }
        String acs = base + "/api/v1/saml/" + domain + "/login";
        return new SpEndpoints(acs, acs, base + "/api/v1/saml/" + domain + "/logout");
    }
}
