package io.turnstile.identity.ldap;

import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldap.sdk.Filter;
import io.turnstile.platform.InvalidRequestException;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LdapFiltersTest {

    static final Entry ALICE = new Entry("uid=alice,ou=people,dc=example", new com.unboundid.ldap.sdk.Attribute("uid",
            "alice"), new com.unboundid.ldap.sdk.Attribute("objectClass", "inetOrgPerson"));

    @Test
    void specialCharactersAreEscapedPerRfc4515() {
        assertEquals("(uid=a\\2ab\\28c\\29d\\5ce\\00)", LdapFilters.expand("(uid=%s)", "a*b(c)d\\e\u0000"));
    }

    @Test
    void everyPlaceholderIsReplaced() {
        assertEquals("(|(mail=x)(uid=x))", LdapFilters.expand("(|(mail=%s)(uid=%s))", "x"));
    }

    @Test
    void injectionAttemptsMatchOnlyThemselves() throws Exception {
        for (String hostile : new String[]{"*", "*)(uid=*", "alice)(|(uid=*", "alice)(objectClass=*"}) {
            Filter f = LdapFilters.filter("(uid=%s)", hostile);
            assertEquals(Filter.FILTER_TYPE_EQUALITY, f.getFilterType(), hostile);
            assertEquals(hostile, f.getAssertionValue(), hostile);
            assertFalse(f.matchesEntry(ALICE), hostile);
        }
        assertTrue(LdapFilters.filter("(uid=%s)", "alice").matchesEntry(ALICE));
    }

    @Test
    void templatesAreChecked() {
        assertThrows(InvalidRequestException.class, () -> LdapFilters.checkTemplate("(uid=alice)", "f", true));
        assertThrows(InvalidRequestException.class, () -> LdapFilters.checkTemplate("(uid=%s", "f", true));
        LdapFilters.checkTemplate("(objectClass=groupOfNames)", "group_filter", false);
    }
}
