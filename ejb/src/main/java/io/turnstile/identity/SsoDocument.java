package io.turnstile.identity;

import io.turnstile.platform.InvalidRequestException;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * The fields of an {@code sso} (contract: sso) and their types, for every {@code idp_type}. Type-specific checks
 * (all of LDAP's) belong to the {@link IdentityProviderFactory} of the type; here every field is checked for its
 * JSON type and enum, so that a stored entry always reads back in the contract's shape.
 *
 * <p>Secrets ({@link #SECRETS}, and {@code mxedge_proxy.auth_servers[].secret} / {@code acct_servers[].secret}) are
 * sealed at rest and answered as {@link #MASK}; a body that sends {@link #MASK} back keeps the stored secret, so a
 * client can PUT what it read.
 *
 * <p>Turnstile extensions: {@code ldap_account_disabled_attr} (see {@code LdapSettings}); {@code email_domains},
 * {@code saml_clock_skew}, {@code saml_allow_sha1}, {@code saml_keep_assertions}, {@code disabled} (see
 * {@code io.turnstile.sso.SamlSsoFields}, which checks a saml entry's fields).
 */
public final class SsoDocument {

    public static final String MASK = "********";

    /** Fields the server owns: ignored in input. */
    public static final Set<String> READ_ONLY = Set.of("id", "org_id", "msp_id", "created_time", "modified_time",
            "domain");

    public static final Set<String> SECRETS = Set.of("ldap_bind_password", "ldap_client_key",
            "oauth_cc_client_secret", "oauth_ropc_client_secret", "scim_secret_token");

    static final List<String> MXEDGE_SERVER_LISTS = List.of("auth_servers", "acct_servers");

    static final Set<String> STRINGS = Set.of("custom_logout_url", "default_role", "group_filter", "idp_cert",
            "idp_sso_url", "issuer", "ldap_base_dn", "ldap_bind_dn", "ldap_bind_password", "ldap_client_cert",
            "ldap_client_key", "ldap_group_attr", "ldap_group_dn", "ldap_user_filter", "member_filter", "name",
            "oauth_cc_client_id", "oauth_cc_client_secret", "oauth_discovery_url", "oauth_ropc_client_id",
            "oauth_ropc_client_secret", "oauth_tenant_id", "role_attr_extraction", "role_attr_from",
            "scim_secret_token", "site_id", "ldap_account_disabled_attr");
    static final Set<String> BOOLEANS = Set.of("ignore_unmatched_roles", "ldap_resolve_groups", "scim_enabled",
            "saml_allow_sha1", "saml_keep_assertions", "disabled");
    static final Set<String> STRING_LISTS = Set.of("ldap_cacerts", "ldap_server_hosts", "email_domains");
    static final Set<String> INTEGERS = Set.of("saml_clock_skew");
    static final Set<String> OBJECTS = Set.of("mxedge_proxy", "openroaming");
    static final Map<String, Set<String>> ENUMS = Map.of(
            "idp_type", Set.of("ldap", "mxedge_proxy", "oauth", "saml", "openroaming"),
            "idp_sign_algo", Set.of("sha1", "sha256", "sha384", "sha512"),
            "ldap_type", Set.of("azure", "custom", "google", "okta"),
            "nameid_format", Set.of("email", "unspecified"),
            "oauth_ping_identity_region", Set.of("asia", "au", "ca", "eu", "us"),
            "oauth_type", Set.of("azure", "azure-gov", "okta", "ping_identity"));

    public static final String DEFAULT_IDP_TYPE = "saml";

    private SsoDocument() {
    }

    /**
     * The stored fields with the body's top-level fields applied (a field given as null is removed, read-only fields
     * are ignored, a secret given as {@link #MASK} keeps its stored value); checked for types and enums.
     *
     * @param stored the stored fields with secrets in clear; empty for a new entry
     */
    public static Map<String, Object> merge(Map<String, Object> stored, Map<String, Object> body) {
        Map<String, Object> merged = new LinkedHashMap<>(stored);
        for (Map.Entry<String, Object> e : body.entrySet()) {
            String key = e.getKey();
            Object value = e.getValue();
            if (READ_ONLY.contains(key)) {
                continue;
            }
            if (value == null) {
                merged.remove(key);
            } else if (SECRETS.contains(key) && MASK.equals(value)) {
                if (!stored.containsKey(key)) {
                    throw new InvalidRequestException(key + ": the mask " + MASK + " stands for a stored secret,"
                            + " and none is stored");
                }
            } else if ("mxedge_proxy".equals(key) && value instanceof Map<?, ?> proxy) {
                merged.put(key, keepMaskedServerSecrets(proxy, stored.get(key)));
            } else {
                merged.put(key, value);
            }
        }
        merged.putIfAbsent("idp_type", DEFAULT_IDP_TYPE);
        checkTypes(merged);
        return merged;
    }

    static void checkTypes(Map<String, Object> fields) {
        for (Map.Entry<String, Object> e : fields.entrySet()) {
            String key = e.getKey();
            Object v = e.getValue();
            if (STRINGS.contains(key)) {
                require(v instanceof String, key + " must be a string");
            } else if (BOOLEANS.contains(key)) {
                require(v instanceof Boolean, key + " must be true or false");
            } else if (STRING_LISTS.contains(key)) {
                require(v instanceof List<?> l && l.stream().allMatch(String.class::isInstance),
                        key + " must be a list of strings");
            } else if (INTEGERS.contains(key)) {
                require(v instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue()),
                        key + " must be an integer");
            } else if (OBJECTS.contains(key)) {
                require(v instanceof Map, key + " must be an object");
            } else if (ENUMS.containsKey(key)) {
                require(v instanceof String s && ENUMS.get(key).contains(s),
                        key + " must be one of " + new java.util.TreeSet<>(ENUMS.get(key)));
            } else {
                throw new InvalidRequestException(key + " is not a field of sso");
            }
        }
        Object name = fields.get("name");
        require(name instanceof String s && !s.isBlank(), "name is required");
        if (fields.get("openroaming") instanceof Map<?, ?> o) {
            require(o.get("ssids") instanceof List<?> l && l.stream().allMatch(String.class::isInstance),
                    "openroaming.ssids is required, a list of strings");
        }
        if (fields.get("mxedge_proxy") instanceof Map<?, ?> proxy) {
            for (String list : MXEDGE_SERVER_LISTS) {
                Object servers = proxy.get(list);
                require(servers == null || servers instanceof List<?> l && l.stream().allMatch(Map.class::isInstance),
                        "mxedge_proxy." + list + " must be a list of objects");
            }
        }
    }

    /** The same fields with every secret passed through {@code f} (seal, open or mask); null stays null. */
    public static Map<String, Object> mapSecrets(Map<String, Object> fields, UnaryOperator<String> f) {
        Map<String, Object> out = new LinkedHashMap<>(fields);
        for (String key : SECRETS) {
            if (out.get(key) instanceof String s) {
                out.put(key, f.apply(s));
            }
        }
        if (out.get("mxedge_proxy") instanceof Map<?, ?> proxy) {
            Map<String, Object> p = copy(proxy);
            for (String list : MXEDGE_SERVER_LISTS) {
                if (p.get(list) instanceof List<?> servers) {
                    List<Object> mapped = new ArrayList<>();
                    for (Object server : servers) {
                        if (server instanceof Map<?, ?> m && m.get("secret") instanceof String s) {
                            Map<String, Object> copy = copy(m);
                            copy.put("secret", f.apply(s));
                            mapped.add(copy);
                        } else {
                            mapped.add(server);
                        }
                    }
                    p.put(list, mapped);
                }
            }
            out.put("mxedge_proxy", p);
        }
        return out;
    }

    /** A new mxedge_proxy object whose masked server secrets are taken from the stored one (same list, index). */
    private static Map<String, Object> keepMaskedServerSecrets(Map<?, ?> proxy, Object storedProxy) {
        Map<String, Object> p = copy(proxy);
        for (String list : MXEDGE_SERVER_LISTS) {
            if (!(p.get(list) instanceof List<?> servers)) {
                continue;
            }
            List<?> old = storedProxy instanceof Map<?, ?> sp && sp.get(list) instanceof List<?> l ? l : List.of();
            List<Object> out = new ArrayList<>();
            for (int i = 0; i < servers.size(); i++) {
                Object server = servers.get(i);
                if (server instanceof Map<?, ?> m && MASK.equals(m.get("secret"))) {
                    Object was = i < old.size() && old.get(i) instanceof Map<?, ?> om ? om.get("secret") : null;
                    require(was instanceof String, "mxedge_proxy." + list + "[" + i + "].secret: the mask stands"
                            + " for a stored secret, and none is stored");
                    Map<String, Object> copy = copy(m);
                    copy.put("secret", was);
                    out.add(copy);
                } else {
                    out.add(server);
                }
            }
            p.put(list, out);
        }
        return p;
    }

    private static Map<String, Object> copy(Map<?, ?> m) {
        Map<String, Object> out = new LinkedHashMap<>();
        m.forEach((k, v) -> out.put(String.valueOf(k), v));
        return out;
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new InvalidRequestException(message);
        }
    }
}
