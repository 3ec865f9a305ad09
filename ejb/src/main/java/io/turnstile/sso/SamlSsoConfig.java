package io.turnstile.sso;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * One SAML SSO of an organisation ({@code ssos} row with {@code idp_type: saml}), in the shape the SAML engine needs.
 * Field names follow the contract's {@code sso} schema; {@code emailDomains}, {@code clockSkew}, {@code allowSha1} and
 * {@code keepAssertions}, {@code disabled} are Turnstile extensions.
 *
 * @param orgId             owning organisation
 * @param ssoId             the {@code sso} id
 * @param domain            random string of the SSO's SAML URLs ({@code /api/v1/saml/{domain}/login})
 * @param issuer            the IdP's entity id, compared exactly with every {@code Issuer}
 * @param idpCert           the IdP's signing certificate (PEM or bare base64 DER)
 * @param idpSignAlgo       the signature algorithm the IdP must use
 * @param idpSsoUrl         where SP-initiated AuthnRequests go (HTTP-Redirect binding)
 * @param customLogoutUrl   where the admin goes after logout, may be null
 * @param nameIdFormat      how the NameID identifies the admin
 * @param roleAttrFrom      name of the role attribute (case-sensitive), {@code Role} when null or blank
 * @param roleAttrExtraction how role values are read
 * @param defaultRole       ssorole name granted when no asserted role matches, may be null
 * @param ignoreUnmatchedRoles allow a login when only some asserted roles match
 * @param emailDomains      e-mail domains whose first login may start SP-initiated at this SSO
 * @param clockSkew         tolerated clock difference with the IdP for NotBefore / NotOnOrAfter (0..5 min)
 * @param allowSha1         accept SHA-1 signatures and digests (refused by default)
 * @param keepAssertions    diagnostic switch: keep successful assertions too (for at most an hour)
 * @param disabled          the SSO refuses its logins (extension {@code disabled}); local login keeps working
 */
public record SamlSsoConfig(String orgId, String ssoId, String domain, String issuer, String idpCert,
                            SignAlgo idpSignAlgo, String idpSsoUrl, String customLogoutUrl, NameIdFormat nameIdFormat,
                            String roleAttrFrom, RoleExtraction roleAttrExtraction, String defaultRole,
                            boolean ignoreUnmatchedRoles, List<String> emailDomains, Duration clockSkew,
                            boolean allowSha1, boolean keepAssertions, boolean disabled) {

    public static final String DEFAULT_ROLE_ATTRIBUTE = "Role";
    public static final Duration DEFAULT_CLOCK_SKEW = Duration.ofSeconds(60);
    static final Duration MAX_CLOCK_SKEW = Duration.ofMinutes(5);

    public SamlSsoConfig {
        Objects.requireNonNull(domain, "domain");
        Objects.requireNonNull(issuer, "issuer");
        Objects.requireNonNull(idpCert, "idp_cert");
        idpSignAlgo = idpSignAlgo == null ? SignAlgo.SHA256 : idpSignAlgo;
        nameIdFormat = nameIdFormat == null ? NameIdFormat.EMAIL : nameIdFormat;
        roleAttrFrom = roleAttrFrom == null || roleAttrFrom.isBlank() ? DEFAULT_ROLE_ATTRIBUTE : roleAttrFrom;
        roleAttrExtraction = roleAttrExtraction == null ? RoleExtraction.NONE : roleAttrExtraction;
        defaultRole = defaultRole == null || defaultRole.isBlank() ? null : defaultRole;
        emailDomains = emailDomains == null ? List.of()
                : emailDomains.stream().map(d -> d.trim().toLowerCase(Locale.ROOT)).toList();
        clockSkew = clockSkew == null ? DEFAULT_CLOCK_SKEW : clockSkew;
        if (clockSkew.isNegative() || clockSkew.compareTo(MAX_CLOCK_SKEW) > 0) {
            throw new IllegalArgumentException("clock skew must be between 0 and " + MAX_CLOCK_SKEW.toSeconds() + " s");
        }
    }

    /** An enabled SSO (the {@code disabled} extension unset). */
    public SamlSsoConfig(String orgId, String ssoId, String domain, String issuer, String idpCert,
                         SignAlgo idpSignAlgo, String idpSsoUrl, String customLogoutUrl, NameIdFormat nameIdFormat,
                         String roleAttrFrom, RoleExtraction roleAttrExtraction, String defaultRole,
                         boolean ignoreUnmatchedRoles, List<String> emailDomains, Duration clockSkew,
                         boolean allowSha1, boolean keepAssertions) {
        this(orgId, ssoId, domain, issuer, idpCert, idpSignAlgo, idpSsoUrl, customLogoutUrl, nameIdFormat, roleAttrFrom,
                roleAttrExtraction, defaultRole, ignoreUnmatchedRoles, emailDomains, clockSkew, allowSha1,
                keepAssertions, false);
    }

    /** Whether an SP-initiated first login of {@code email} may start at this SSO ({@code email_domains}). */
    public boolean coversEmail(String email) {
        int at = email == null ? -1 : email.lastIndexOf('@');
        return at > 0 && emailDomains.contains(email.substring(at + 1).toLowerCase(Locale.ROOT));
    }

    /** Contract enum {@code sso_idp_sign_algo}. */
    public enum SignAlgo {
        SHA1("sha1", "http://www.w3.org/2000/09/xmldsig#rsa-sha1", "http://www.w3.org/2000/09/xmldsig#sha1"),
        SHA256("sha256", "http://www.w3.org/2001/04/xmldsig-more#rsa-sha256", "http://www.w3.org/2001/04/xmlenc#sha256"),
        SHA384("sha384", "http://www.w3.org/2001/04/xmldsig-more#rsa-sha384", "http://www.w3.org/2001/04/xmldsig-more#sha384"),
        SHA512("sha512", "http://www.w3.org/2001/04/xmldsig-more#rsa-sha512", "http://www.w3.org/2001/04/xmlenc#sha512");

        private final String json;
        private final String rsaSignatureUri;
        private final String digestUri;

        SignAlgo(String json, String rsaSignatureUri, String digestUri) {
            this.json = json;
            this.rsaSignatureUri = rsaSignatureUri;
            this.digestUri = digestUri;
        }

        public String json() { return json; }
        public String rsaSignatureUri() { return rsaSignatureUri; }
        public String digestUri() { return digestUri; }

        /** The hash of an XML-DSig SignatureMethod (RSA or ECDSA, RFC 6931 §2.3) or DigestMethod URI, or null. */
        static SignAlgo ofAlgorithmUri(String uri) {
            if (uri == null) {
                return null;
            }
            String u = uri.toLowerCase(Locale.ROOT);
            if (u.endsWith("#sha1") || u.endsWith("-sha1")) return SHA1;
            if (u.endsWith("sha256")) return SHA256;
            if (u.endsWith("sha384")) return SHA384;
            if (u.endsWith("sha512")) return SHA512;
            return null;
        }

        public static SignAlgo fromJson(String v) {
            for (SignAlgo a : values()) {
                if (a.json.equals(v)) return a;
            }
            throw new IllegalArgumentException("idp_sign_algo must be one of sha1, sha256, sha384, sha512");
        }
    }

    /** Contract enum {@code sso_nameid_format}. */
    public enum NameIdFormat {
        EMAIL("email", "urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress"),
        UNSPECIFIED("unspecified", "urn:oasis:names:tc:SAML:1.1:nameid-format:unspecified");

        private final String json;
        private final String uri;

        NameIdFormat(String json, String uri) {
            this.json = json;
            this.uri = uri;
        }

        public String json() { return json; }
        public String uri() { return uri; }

        public static NameIdFormat fromJson(String v) {
            for (NameIdFormat f : values()) {
                if (f.json.equals(v)) return f;
            }
            throw new IllegalArgumentException("nameid_format must be email or unspecified");
        }
    }

    /** Contract field {@code role_attr_extraction}: none, or {@code cn} (the CN of a DN-shaped value). */
    public enum RoleExtraction {
        NONE, CN;

        public static RoleExtraction fromJson(String v) {
            if (v == null || v.isBlank()) return NONE;
            if (v.equalsIgnoreCase("cn")) return CN;
            throw new IllegalArgumentException("role_attr_extraction must be cn or empty");
        }
    }
}
