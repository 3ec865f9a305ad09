package io.turnstile.identity.ldap;

import com.unboundid.ldap.sdk.Filter;
import com.unboundid.ldap.sdk.LDAPException;
import io.turnstile.platform.InvalidRequestException;

/**
 * Filter templates of the {@code sso} ({@code ldap_user_filter} such as {@code (mail=%s)}, {@code member_filter}
 * such as {@code (member=%s)}): every {@code %s} is replaced by the value escaped as an RFC 4515 §3 assertion value,
 * so a user name like {@code *)(uid=*} matches itself, never more. User names are hostile input.
 */
public final class LdapFilters {

    public static final String PLACEHOLDER = "%s";

    private LdapFilters() {
    }

    /** The template with each {@code %s} replaced by the escaped value. */
    public static String expand(String template, String value) {
        return template.replace(PLACEHOLDER, Filter.encodeValue(value));
    }

    /** The parsed filter of an expanded template. */
    public static Filter filter(String template, String value) throws LDAPException {
        return Filter.create(expand(template, value));
    }

    /**
     * Checks that a template has a placeholder and is a valid filter once expanded.
     *
     * @throws InvalidRequestException naming the field
     */
    public static void checkTemplate(String template, String field, boolean needsPlaceholder) {
        if (needsPlaceholder && !template.contains(PLACEHOLDER)) {
            throw new InvalidRequestException(field + " must contain %s where the value goes, e.g. (uid=%s)");
        }
        try {
            Filter.create(expand(template, "x"));
        } catch (LDAPException e) {
            throw new InvalidRequestException(field + " is not a valid LDAP filter (RFC 4515): "
                    + e.getDiagnosticMessage());
        }
    }
}
