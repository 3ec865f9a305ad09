package io.turnstile.sso;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.turnstile.sso.SamlLoginFailure.Reason;

class SsoRoleMatcherTest {

    static final SsoPrivilege ORG_ADMIN = new SsoPrivilege("org", "admin", null, null, null);
    static final SsoPrivilege SITE_READ = new SsoPrivilege("site", "read", "site-1", null, null);
    static final SsoPrivilege SITE_HELPDESK = new SsoPrivilege("site", "helpdesk", "site-2", null, null);
    static final List<SsoRole> ROLES = List.of(
            new SsoRole("r1", "netadmin", List.of(ORG_ADMIN)),
            new SsoRole("r2", "reader", List.of(SITE_READ)),
            new SsoRole("r3", "helpdesk", List.of(SITE_HELPDESK, SITE_READ)));

    final SsoRoleMatcher matcher = new SsoRoleMatcher();

    static SamlSsoConfig sso(String defaultRole, boolean ignoreUnmatched) {
        return new SamlSsoConfig("org1", "sso1", "d1", "idp", "cert", null, null, null, null, null, null,
                defaultRole, ignoreUnmatched, null, null, false, false);
    }

    @Test
    void allMatchedGrantTheUnionOfPrivileges() {
        RoleMatch.Granted g = assertInstanceOf(RoleMatch.Granted.class,
                matcher.match(List.of("reader", "helpdesk"), ROLES, sso(null, false)));
        assertEquals(List.of("reader", "helpdesk"), g.roles());
        assertEquals(Set.of(SITE_READ, SITE_HELPDESK), g.privileges());
        assertFalse(g.byDefaultRole());
    }

    @Test
    void anUnmatchedRoleDeniesByDefault() {
        RoleMatch.Denied d = assertInstanceOf(RoleMatch.Denied.class,
                matcher.match(List.of("netadmin", "ghost"), ROLES, sso(null, false)));
        assertEquals(Reason.UNMATCHED_ROLE, d.reason());
        assertEquals(List.of("ghost"), d.unmatched());
        assertTrue(d.detail().contains("ghost"));
    }

    @Test
    void ignoreUnmatchedRolesAllowsPartialMatches() {
        RoleMatch.Granted g = assertInstanceOf(RoleMatch.Granted.class,
                matcher.match(List.of("netadmin", "ghost"), ROLES, sso(null, true)));
        assertEquals(List.of("netadmin"), g.roles());
        assertEquals(Set.of(ORG_ADMIN), g.privileges());
    }

    @Test
    void noMatchUsesTheDefaultRoleOrDenies() {
        RoleMatch.Granted g = assertInstanceOf(RoleMatch.Granted.class,
                matcher.match(List.of("ghost"), ROLES, sso("reader", false)));
        assertEquals(List.of("reader"), g.roles());
        assertTrue(g.byDefaultRole());
        assertEquals(Set.of(SITE_READ), g.privileges());

        assertEquals(Reason.NO_ROLE_MATCHED, assertInstanceOf(RoleMatch.Denied.class,
                matcher.match(List.of(), ROLES, sso(null, false))).reason());
        // A default role that names no ssorole grants nothing.
        assertEquals(Reason.NO_ROLE_MATCHED, assertInstanceOf(RoleMatch.Denied.class,
                matcher.match(List.of("ghost"), ROLES, sso("deleted-role", true))).reason());
    }

    @Test
    void namesCompareCaseSensitively() {
        assertEquals(Reason.NO_ROLE_MATCHED, assertInstanceOf(RoleMatch.Denied.class,
                matcher.match(List.of("NetAdmin"), ROLES, sso(null, false))).reason());
    }

    @Test
    void privilegesAreRecomputedFromTheCurrentSsoroles() {
        List<SsoRole> changed = List.of(new SsoRole("r1", "netadmin", List.of(SITE_READ)));
        RoleMatch.Granted before = assertInstanceOf(RoleMatch.Granted.class, matcher.match(List.of("netadmin"), ROLES, sso(null, false)));
        RoleMatch.Granted after = assertInstanceOf(RoleMatch.Granted.class, matcher.match(List.of("netadmin"), changed, sso(null, false)));
        assertEquals(Set.of(ORG_ADMIN), before.privileges());
        assertEquals(Set.of(SITE_READ), after.privileges());
    }
}
