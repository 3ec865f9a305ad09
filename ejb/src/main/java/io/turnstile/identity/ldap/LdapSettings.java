package io.turnstile.identity.ldap;

import com.unboundid.ldap.sdk.DN;
import io.turnstile.org.PemCertificates;
import io.turnstile.pki.Pem;
import io.turnstile.pki.PemException;
import io.turnstile.platform.InvalidRequestException;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The LDAP fields of an {@code sso} ({@code idp_type} ldap), checked. Field by field (contract names):
 * <ul>
 *   <li>{@code ldap_server_hosts} (required): servers tried in order (failover), see {@link LdapServer};</li>
 *   <li>{@code ldap_cacerts} (required): PEM CA certificates the servers' certificates must chain to; the server
 *       name or address must be in the certificate (RFC 6125); nothing else is trusted;</li>
 *   <li>{@code ldap_bind_dn}, {@code ldap_bind_password} (required): the service account that searches;</li>
 *   <li>{@code ldap_base_dn} (required): where users (and by default groups) are searched;</li>
 *   <li>{@code ldap_client_cert}, {@code ldap_client_key}: optional TLS client certificate (both or neither);</li>
 *   <li>{@code ldap_type}: {@code custom} needs {@code ldap_user_filter}; {@code azure} (default), {@code okta},
 *       {@code google} have a default user filter ({@link #defaultUserFilter});</li>
 *   <li>{@code ldap_user_filter}: e.g. {@code (uid=%s)}, {@code %s} is the escaped user name as given;</li>
 *   <li>groups: if {@code group_filter} is set (e.g. {@code (objectClass=groupOfNames)}), groups are searched under
 *       {@code ldap_group_dn} (default: the base DN) with {@code (&group_filter member_filter)}, where
 *       {@code member_filter} (default {@code (member=%s)}) gets the user's DN; otherwise they are the values of
 *       {@code ldap_group_attr} (default {@code memberOf}) of the user entry. {@code ldap_resolve_groups} adds the
 *       groups of the groups, transitively;</li>
 *   <li>{@code ldap_account_disabled_attr} (Turnstile extension): an attribute whose presence, with a value other
 *       than {@code FALSE} or {@code 0}, marks the account disabled, in addition to the built-in checks of
 *       {@link AccountStatus}.</li>
 * </ul>
 */
public record LdapSettings(List<LdapServer> servers, List<X509Certificate> caCerts, X509Certificate clientCert,
                           PrivateKey clientKey, String bindDn, String bindPassword, String baseDn, String ldapType,
                           String userFilter, String groupFilter, String memberFilter, String groupAttr,
                           String groupBaseDn, boolean resolveGroups, String disabledAttr) {

    public LdapSettings {
        servers = List.copyOf(servers);
        caCerts = List.copyOf(caCerts);
    }

    public static String defaultUserFilter(String ldapType) {
        return switch (ldapType) {
            case "azure" -> "(|(userPrincipalName=%s)(sAMAccountName=%s))";
            case "okta" -> "(uid=%s)";
            case "google" -> "(|(uid=%s)(mail=%s))";
            default -> null;
        };
    }

    /**
     * Reads and checks the fields (secrets in clear).
     *
     * @throws InvalidRequestException naming the first bad field
     */
    public static LdapSettings parse(Map<String, Object> f) {
        List<String> hosts = strings(f, "ldap_server_hosts");
        if (hosts.isEmpty()) {
            throw new InvalidRequestException("ldap_server_hosts is required: at least one LDAPS server");
        }
        List<LdapServer> servers = new ArrayList<>();
        for (int i = 0; i < hosts.size(); i++) {
            servers.add(LdapServer.parse(hosts.get(i), "ldap_server_hosts[" + i + "]"));
        }
        List<String> pems = strings(f, "ldap_cacerts");
        if (pems.isEmpty()) {
            throw new InvalidRequestException("ldap_cacerts is required: the CA certificates of the LDAPS servers");
        }
        List<X509Certificate> cas = new ArrayList<>();
        for (int i = 0; i < pems.size(); i++) {
            cas.add(PemCertificates.parseCa(pems.get(i), "ldap_cacerts[" + i + "]"));
        }
        String clientCertPem = string(f, "ldap_client_cert");
        String clientKeyPem = string(f, "ldap_client_key");
        X509Certificate clientCert = null;
        PrivateKey clientKey = null;
        if ((clientCertPem == null) != (clientKeyPem == null)) {
            throw new InvalidRequestException("ldap_client_cert and ldap_client_key go together");
        }
        if (clientCertPem != null) {
            try {
                clientCert = Pem.parseCertificate(unescape(clientCertPem));
            } catch (PemException e) {
                throw new InvalidRequestException("ldap_client_cert: " + e.getMessage());
            }
            try {
                clientKey = Pem.parsePrivateKey(unescape(clientKeyPem));
            } catch (PemException e) {
                throw new InvalidRequestException("ldap_client_key is not an unencrypted PEM private key");
            }
        }
        String bindDn = dn(f, "ldap_bind_dn", true);
        String bindPassword = string(f, "ldap_bind_password");
        if (bindPassword == null || bindPassword.isEmpty()) {
            // RFC 4513 §5.1.2: a simple bind with a DN and an empty password is an unauthenticated bind
            throw new InvalidRequestException("ldap_bind_password is required");
        }
        String baseDn = dn(f, "ldap_base_dn", true);
        String ldapType = f.get("ldap_type") instanceof String t ? t : "azure";
        String userFilter = string(f, "ldap_user_filter");
        if (userFilter == null || userFilter.isBlank()) {
            userFilter = defaultUserFilter(ldapType);
            if (userFilter == null) {
                throw new InvalidRequestException("ldap_user_filter is required when ldap_type is custom");
            }
        }
        LdapFilters.checkTemplate(userFilter, "ldap_user_filter", true);
        String groupFilter = blankToNull(string(f, "group_filter"));
        if (groupFilter != null) {
            LdapFilters.checkTemplate(groupFilter, "group_filter", false);
        }
        String memberFilter = blankToNull(string(f, "member_filter"));
        if (memberFilter == null) {
            memberFilter = "(member=%s)";
        }
        LdapFilters.checkTemplate(memberFilter, "member_filter", true);
        String groupAttr = blankToNull(string(f, "ldap_group_attr"));
        if (groupAttr == null) {
            groupAttr = "memberOf";
        }
        requireAttributeName(groupAttr, "ldap_group_attr");
        String groupDn = blankToNull(string(f, "ldap_group_dn"));
        // the contract's default is the literal "base_dn": search groups under the base DN
        String groupBaseDn = groupDn == null || groupDn.equals("base_dn") ? baseDn : dn(f, "ldap_group_dn", true);
        boolean resolve = Boolean.TRUE.equals(f.get("ldap_resolve_groups"));
        String disabledAttr = blankToNull(string(f, "ldap_account_disabled_attr"));
        if (disabledAttr != null) {
            requireAttributeName(disabledAttr, "ldap_account_disabled_attr");
        }
        return new LdapSettings(servers, cas, clientCert, clientKey, bindDn, bindPassword, baseDn, ldapType,
                userFilter, groupFilter, memberFilter, groupAttr, groupBaseDn, resolve, disabledAttr);
    }

    private static String dn(Map<String, Object> f, String field, boolean required) {
        String s = string(f, field);
        if (s == null || s.isBlank()) {
            if (required) {
                throw new InvalidRequestException(field + " is required");
            }
            return null;
        }
        if (!DN.isValidDN(s)) {
            throw new InvalidRequestException(field + " is not a valid DN (RFC 4514): " + s);
        }
        return s;
    }

    private static void requireAttributeName(String name, String field) {
        // RFC 4512 §1.4: descr (keystring) or numericoid
        if (!name.matches("[A-Za-z][A-Za-z0-9-]*|[0-9]+(\\.[0-9]+)+")) {
            throw new InvalidRequestException(field + " is not an attribute name: " + name);
        }
    }

    private static String string(Map<String, Object> f, String field) {
        Object v = f.get(field);
        if (v != null && !(v instanceof String)) {
            throw new InvalidRequestException(field + " must be a string");
        }
        return (String) v;
    }

    private static List<String> strings(Map<String, Object> f, String field) {
        Object v = f.get(field);
        if (v == null) {
            return List.of();
        }
        if (!(v instanceof List<?> l) || !l.stream().allMatch(String.class::isInstance)) {
            throw new InvalidRequestException(field + " must be a list of strings");
        }
        return l.stream().map(String.class::cast).toList();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    /** PEM whose line breaks arrived as the two characters {@code \n} (as in the contract's examples). */
    private static String unescape(String pem) {
        return pem.indexOf('\n') < 0 ? pem.replace("\\n", "\n") : pem;
    }

    @Override
    public String toString() {
        return "LdapSettings[servers=" + servers + ", bindDn=" + bindDn + ", baseDn=" + baseDn + ", userFilter="
                + userFilter + "]";
    }
}
