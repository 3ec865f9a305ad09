package io.turnstile.sso;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;

/**
 * Reads the roles of an admin from the values of the role attribute ({@code Role} or {@code role_attr_from}), by the
 * contract's rules:
 * <ul>
 * <li>one value holding a comma-separated list is split ({@code "a,b"} gives {@code a}, {@code b});</li>
 * <li>several values are not split: each value is one role ({@code "a,b"}, {@code "c"} gives {@code a,b}, {@code c});</li>
 * <li>with {@code role_attr_extraction: cn} each value is a DN ({@code CN=cn,OU=ou1,OU=ou2}) and gives its CN; the
 * CN key is case-insensitive and exactly one CN is expected, otherwise the entry is ignored. DNs are read with
 * {@link LdapName} (RFC 4514 escaping), so a DN value is never split on its commas.</li>
 * </ul>
 * Blank entries are dropped, surrounding space is trimmed, duplicates are kept once, order is kept.
 */
public final class RoleAttributeParser {

    public List<String> parse(List<String> values, SamlSsoConfig.RoleExtraction extraction) {
        if (values == null || values.isEmpty()) {
            return List.of();
        }
        Set<String> roles = new LinkedHashSet<>();
        if (extraction == SamlSsoConfig.RoleExtraction.CN) {
            for (String v : values) {
                String cn = commonName(v);
                if (cn != null) {
                    roles.add(cn);
                }
            }
        } else if (values.size() == 1) {
            for (String part : values.get(0).split(",")) {
                add(roles, part);
            }
        } else {
            values.forEach(v -> add(roles, v));
        }
        return List.copyOf(roles);
    }

    private static void add(Set<String> roles, String value) {
        if (value != null && !value.isBlank()) {
            roles.add(value.strip());
        }
    }

    /** The value of the only CN RDN of a DN, or null (not a DN, no CN, or more than one CN). */
    static String commonName(String dn) {
        if (dn == null || dn.isBlank()) {
            return null;
        }
        LdapName name;
        try {
            name = new LdapName(dn.strip());
        } catch (InvalidNameException | IllegalArgumentException e) {
            return null;
        }
        List<String> cns = new ArrayList<>();
        for (Rdn rdn : name.getRdns()) {
            // A multi-valued RDN (CN=a+OU=b) is read attribute by attribute.
            try {
                for (var attrs = rdn.toAttributes().getAll(); attrs.hasMore(); ) {
                    var attr = attrs.next();
                    if (attr.getID().equalsIgnoreCase("CN")) {
                        for (var vals = attr.getAll(); vals.hasMore(); ) {
                            cns.add(String.valueOf(vals.next()));
                        }
                    }
                }
            } catch (javax.naming.NamingException e) {
                return null;
            }
        }
        if (cns.size() != 1 || cns.get(0).isBlank()) {
            return null;
        }
        return cns.get(0).strip();
    }
}
