package io.turnstile.it.ldap;

import io.turnstile.identity.IdpResult;
import io.turnstile.identity.ldap.LdapIdentityProvider;
import io.turnstile.identity.ldap.LdapSettings;
import io.turnstile.identity.ldap.LdapTimeouts;
import io.turnstile.it.TurnstileUnderTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The LDAPS identity provider against real OpenLDAP slapd instances (memberof and ppolicy overlays), started here with
 * the fixture {@code ldap/directory.ldif}: alice (staff, wifi-users), bob (locked by ppolicy's pwdAccountLockedTime),
 * carol (contractors, which is a member of staff).
 */
@Timeout(60) // a guard against a hang, not a timing assert: every case must end by the provider's own timeouts
class LdapIdentityProviderIT {

    /** Short network bounds so the down/hung cases end quickly. */
    static final LdapTimeouts TIMEOUTS = new LdapTimeouts(1500, 2000, 4);

    static Slapd primary;
    static Slapd other;
    static int closedPort;

    @BeforeAll
    static void startDirectories() throws Exception {
        assumeTrue(TurnstileUnderTest.enabled(), "integration tests run through ./turnstile test");
        primary = Slapd.start("primary", Slapd.port(0));
        other = Slapd.start("other", Slapd.port(1));
        closedPort = Slapd.port(2); // nothing listens here
    }

    @AfterAll
    static void stopDirectories() throws Exception {
        if (other != null) {
            other.close();
        }
        if (primary != null) {
            primary.close();
        }
    }

    static Map<String, Object> config(Consumer<Map<String, Object>> change) throws Exception {
        Map<String, Object> f = new HashMap<>();
        f.put("idp_type", "ldap");
        f.put("ldap_type", "custom");
        f.put("ldap_server_hosts", List.of(primary.host()));
        f.put("ldap_cacerts", List.of(primary.caPem()));
        f.put("ldap_bind_dn", Slapd.BIND_DN);
        f.put("ldap_bind_password", Slapd.BIND_PASSWORD);
        f.put("ldap_base_dn", Slapd.BASE_DN);
        f.put("ldap_user_filter", "(|(uid=%s)(mail=%s))");
        change.accept(f);
        return f;
    }

    static IdpResult authenticate(Map<String, Object> config, String user, String password) {
        try (var p = new LdapIdentityProvider(LdapSettings.parse(config), TIMEOUTS)) {
            return p.authenticate(user, password);
        }
    }

    @Test
    void rightPasswordGivesTheUserAndItsGroups() throws Exception {
        var r = assertInstanceOf(IdpResult.Authenticated.class, authenticate(config(f -> { }), "alice", "alice-Pa55"));
        assertEquals("uid=alice,ou=people,dc=turnstile,dc=test", r.user());
        assertEquals(List.of("staff", "wifi-users"), r.groups().stream().sorted().toList());
        assertEquals(List.of("alice@turnstile.test"), r.attributes().get("mail"));
        assertTrue(r.groupsResolved());
        // the mail form of the name finds the same entry
        assertInstanceOf(IdpResult.Authenticated.class,
                authenticate(config(f -> { }), "alice@turnstile.test", "alice-Pa55"));
    }

    @Test
    void wrongOrEmptyPasswordIsInvalidCredentials() throws Exception {
        assertInstanceOf(IdpResult.InvalidCredentials.class, authenticate(config(f -> { }), "alice", "alice-pa55"));
        // an empty password would be an unauthenticated bind, which slapd answers with success (RFC 4513 §5.1.2)
        assertInstanceOf(IdpResult.InvalidCredentials.class, authenticate(config(f -> { }), "alice", ""));
    }

    @Test
    void lockedUserIsDisabledEvenWithTheRightPassword() throws Exception {
        var r = assertInstanceOf(IdpResult.UserDisabled.class, authenticate(config(f -> { }), "bob", "bob-Pa55"));
        assertEquals("account locked (pwdAccountLockedTime)", r.reason());
        try (var p = new LdapIdentityProvider(LdapSettings.parse(config(f -> { })), TIMEOUTS)) {
            assertInstanceOf(IdpResult.UserDisabled.class, p.lookup("bob"));
        }
    }

    @Test
    void unknownUserAndFilterInjectionFindNobody() throws Exception {
        Map<String, Object> c = config(f -> { });
        assertInstanceOf(IdpResult.UserNotFound.class, authenticate(c, "mallory", "x"));
        // unescaped, "ali*" and "alice)(cn=Alice Anders" would each find exactly alice, and "*" every user
        for (String hostile : List.of("ali*", "alice)(cn=Alice Anders", "*", "alice)(uid=*", "alice\\2a")) {
            assertInstanceOf(IdpResult.UserNotFound.class, authenticate(c, hostile, "alice-Pa55"), hostile);
        }
    }

    @Test
    void groupSearchAndNestedGroups() throws Exception {
        Map<String, Object> search = config(f -> {
            f.put("group_filter", "(objectClass=groupOfNames)");
            f.put("ldap_group_dn", "ou=groups," + Slapd.BASE_DN);
        });
        var alice = assertInstanceOf(IdpResult.Authenticated.class, authenticate(search, "alice", "alice-Pa55"));
        assertEquals(List.of("staff", "wifi-users"), alice.groups().stream().sorted().toList());

        var carolDirect = assertInstanceOf(IdpResult.Authenticated.class, authenticate(search, "carol", "carol-Pa55"));
        assertEquals(List.of("contractors"), carolDirect.groups());

        search.put("ldap_resolve_groups", true);
        var carolNested = assertInstanceOf(IdpResult.Authenticated.class, authenticate(search, "carol", "carol-Pa55"));
        assertEquals(List.of("contractors", "staff"), carolNested.groups().stream().sorted().toList());

        // the same through memberOf (memberof overlay), nested by reading the groups' own memberOf
        var viaMemberOf = assertInstanceOf(IdpResult.Authenticated.class,
                authenticate(config(f -> f.put("ldap_resolve_groups", true)), "carol", "carol-Pa55"));
        assertEquals(List.of("contractors", "staff"), viaMemberOf.groups().stream().sorted().toList());
    }

    @Test
    void lookupWithoutPasswordForCertificateLogins() throws Exception {
        try (var p = new LdapIdentityProvider(LdapSettings.parse(config(f -> { })), TIMEOUTS)) {
            var found = assertInstanceOf(IdpResult.Found.class, p.lookup("alice@turnstile.test"));
            assertEquals(List.of("staff", "wifi-users"), found.groups().stream().sorted().toList());
            assertInstanceOf(IdpResult.UserNotFound.class, p.lookup("nobody"));
        }
    }

    @Test
    void failsOverWhenTheFirstServerIsDown() throws Exception {
        Map<String, Object> c = config(f -> f.put("ldap_server_hosts",
                List.of("127.0.0.1:" + closedPort, primary.host())));
        assertInstanceOf(IdpResult.Authenticated.class, authenticate(c, "alice", "alice-Pa55"));
    }

    @Test
    void directoryDownIsUnreachable() throws Exception {
        var r = assertInstanceOf(IdpResult.Unreachable.class,
                authenticate(config(f -> f.put("ldap_server_hosts", List.of("127.0.0.1:" + closedPort))),
                        "alice", "alice-Pa55"));
        assertEquals("no LDAP server answered", r.reason());
    }

    @Test
    void hungDirectoryIsUnreachableWithinTheTimeouts() throws Exception {
        Map<String, Object> c = config(f -> {
            f.put("ldap_server_hosts", List.of(other.host()));
            try {
                f.put("ldap_cacerts", List.of(other.caPem()));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        assertInstanceOf(IdpResult.Authenticated.class, authenticate(c, "alice", "alice-Pa55"));
        other.pause();
        try {
            assertInstanceOf(IdpResult.Unreachable.class, authenticate(c, "alice", "alice-Pa55"));
        } finally {
            other.resume();
        }
    }

    @Test
    void serverWithACertificateFromAnotherCaIsNotTrusted() throws Exception {
        // "other" has its own CA; only the primary's CA is configured
        assertInstanceOf(IdpResult.Unreachable.class, authenticate(config(f -> f.put("ldap_server_hosts",
                List.of(other.host()))), "alice", "alice-Pa55"));
    }

    @Test
    void refusedServiceAccountIsUnreachable() throws Exception {
        var r = assertInstanceOf(IdpResult.Unreachable.class,
                authenticate(config(f -> f.put("ldap_bind_password", "wrong")), "alice", "alice-Pa55"));
        assertEquals("the service account (ldap_bind_dn) was refused", r.reason());
    }
}
