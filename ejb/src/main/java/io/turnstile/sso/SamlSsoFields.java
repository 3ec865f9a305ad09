package io.turnstile.sso;

import java.net.URI;
import java.net.URISyntaxException;
import java.security.cert.CertificateException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import io.turnstile.platform.InvalidRequestException;

/**
 * The {@code ssos} fields of an {@code idp_type: saml} entry (contract {@code sso}) and Turnstile's SAML extensions,
 * checked on create/update (a precise 400 naming the field) and read into a {@link SamlSsoConfig} at login.
 *
 * <p>Extensions: {@code email_domains} (list: whose first login may start SP-initiated here, and the lookup's
 * {@code sso_url}), {@code saml_clock_skew} (seconds, 0..300, default 60), {@code saml_allow_sha1} (accept SHA-1
 * signatures; refused by default, as SHA-1 collisions are practical) and {@code saml_keep_assertions} (diagnostic:
 * keep successful assertions for an hour in the failures list), {@code disabled} (default false: the SSO refuses its
 * logins with a stored reason and lookup no longer offers it; local login is the emergency path).
 */
public final class SamlSsoFields {

    public static final String EMAIL_DOMAINS = "email_domains";
    public static final String CLOCK_SKEW = "saml_clock_skew";
    public static final String ALLOW_SHA1 = "saml_allow_sha1";
    public static final String KEEP_ASSERTIONS = "saml_keep_assertions";
    public static final String DISABLED = "disabled";

    /** A DNS name (RFC 1035 §2.3.1 labels, case-insensitive), as the part after '@' of an e-mail address. */
    private static final Pattern DOMAIN = Pattern.compile(
            "(?i)[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)+");

    private SamlSsoFields() {
    }

    /**
     * Checks the SAML fields of a merged {@code sso} document (types and enums are already checked).
     *
     * @throws InvalidRequestException naming the first bad field
     */
    public static void validate(Map<String, Object> fields) {
        config("check", "check", "check", fields);
    }

    /** The engine's view of a stored entry; {@link #validate} has passed on it. */
    public static SamlSsoConfig config(String orgId, String ssoId, String domain, Map<String, Object> fields) {
        String issuer = text(fields, "issuer");
        require(issuer != null, "issuer is required for a saml sso (the IdP's entity id)");
        String cert = text(fields, "idp_cert");
        require(cert != null, "idp_cert is required for a saml sso (the IdP's signing certificate, PEM)");
        try {
            SamlResponseValidator.parseCertificate(cert);
        } catch (CertificateException | IllegalArgumentException | ClassCastException e) {
            throw new InvalidRequestException("idp_cert is not an X.509 certificate (PEM or base64 DER)");
        }
        String ssoUrl = text(fields, "idp_sso_url");
        require(ssoUrl == null || isHttpUrl(ssoUrl), "idp_sso_url must be an absolute http(s) URL");
        String logout = text(fields, "custom_logout_url");
        require(logout == null || isHttpUrl(logout), "custom_logout_url must be an absolute http(s) URL");
        SamlSsoConfig.SignAlgo algo = fields.get("idp_sign_algo") instanceof String a
                ? SamlSsoConfig.SignAlgo.fromJson(a) : null;
        SamlSsoConfig.NameIdFormat nameId = fields.get("nameid_format") instanceof String f
                ? SamlSsoConfig.NameIdFormat.fromJson(f) : null;
        SamlSsoConfig.RoleExtraction extraction;
        try {
            extraction = SamlSsoConfig.RoleExtraction.fromJson(text(fields, "role_attr_extraction"));
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException(e.getMessage());
        }
        boolean allowSha1 = Boolean.TRUE.equals(fields.get(ALLOW_SHA1));
        require(algo != SamlSsoConfig.SignAlgo.SHA1 || allowSha1,
                "idp_sign_algo sha1 needs " + ALLOW_SHA1 + ": true (SHA-1 signatures are refused by default)");
        List<String> domains = fields.get(EMAIL_DOMAINS) instanceof List<?> l
                ? l.stream().map(String::valueOf).map(String::strip).toList() : List.of();
        for (String d : domains) {
            require(DOMAIN.matcher(d).matches(), EMAIL_DOMAINS + ": " + d + " is not a domain name");
        }
        Duration skew = null;
        if (fields.get(CLOCK_SKEW) != null) {
            require(fields.get(CLOCK_SKEW) instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())
                    && n.longValue() >= 0 && n.longValue() <= SamlSsoConfig.MAX_CLOCK_SKEW.toSeconds(),
                    CLOCK_SKEW + " must be a whole number of seconds from 0 to "
                            + SamlSsoConfig.MAX_CLOCK_SKEW.toSeconds());
            skew = Duration.ofSeconds(((Number) fields.get(CLOCK_SKEW)).longValue());
        }
        return new SamlSsoConfig(orgId, ssoId, domain, issuer, cert, algo, ssoUrl, logout, nameId,
                text(fields, "role_attr_from"), extraction, text(fields, "default_role"),
                Boolean.TRUE.equals(fields.get("ignore_unmatched_roles")), domains, skew, allowSha1,
                Boolean.TRUE.equals(fields.get(KEEP_ASSERTIONS)), Boolean.TRUE.equals(fields.get(DISABLED)));
    }

    private static boolean isHttpUrl(String s) {
        try {
            URI u = new URI(s);
            return ("https".equalsIgnoreCase(u.getScheme()) || "http".equalsIgnoreCase(u.getScheme()))
                    && u.getHost() != null;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private static String text(Map<String, Object> fields, String key) {
        return fields.get(key) instanceof String s && !s.isBlank() ? s.strip() : null;
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new InvalidRequestException(message);
        }
    }
}
