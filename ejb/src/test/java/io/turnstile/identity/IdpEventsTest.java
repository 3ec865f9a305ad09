package io.turnstile.identity;

import io.turnstile.events.NacEvent;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static io.turnstile.identity.IdpEvents.Operation.AUTHENTICATE;
import static io.turnstile.identity.IdpEvents.Operation.LOOKUP;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

class IdpEventsTest {

    static final Instant AT = Instant.parse("2026-01-02T03:04:05Z");
    static final IdpRequest REQUEST = new IdpRequest("org-1", "site-1", "alice@corp.example", "aabbccddeeff",
            "10.0.0.1", "generic", "corp", "eap-ttls");

    @Test
    void eachResultMapsToItsEvents() {
        var ok = new IdpResult.Authenticated("uid=a", List.of("staff"), Map.of(), true);
        assertEquals(List.of(IdpEvents.AUTHC_SUCCESS, IdpEvents.GROUPS_LOOKUP_SUCCESS), IdpEvents.types(AUTHENTICATE, ok));
        var partial = new IdpResult.Authenticated("uid=a", List.of(), Map.of(), false);
        assertEquals(List.of(IdpEvents.AUTHC_SUCCESS, IdpEvents.GROUPS_LOOKUP_FAILURE),
                IdpEvents.types(AUTHENTICATE, partial));
        assertEquals(List.of(IdpEvents.USER_LOOKUP_SUCCESS, IdpEvents.GROUPS_LOOKUP_SUCCESS),
                IdpEvents.types(LOOKUP, new IdpResult.Found("uid=a", List.of(), Map.of(), true)));
        assertEquals(List.of(IdpEvents.AUTHC_FAILURE),
                IdpEvents.types(AUTHENTICATE, new IdpResult.InvalidCredentials("wrong password")));
        assertEquals(List.of(IdpEvents.USER_LOOKUP_FAILURE),
                IdpEvents.types(AUTHENTICATE, new IdpResult.UserNotFound("none")));
        assertEquals(List.of(IdpEvents.USER_DISABLED),
                IdpEvents.types(LOOKUP, new IdpResult.UserDisabled("uid=b", "locked")));
        assertEquals(List.of(IdpEvents.UNREACHABLE), IdpEvents.types(LOOKUP, new IdpResult.Unreachable("down")));
        assertEquals(List.of(IdpEvents.AUTHC_FAILURE),
                IdpEvents.types(AUTHENTICATE, new IdpResult.NoIdentityProvider("none")));
        assertEquals(List.of(IdpEvents.USER_LOOKUP_FAILURE),
                IdpEvents.types(LOOKUP, new IdpResult.NoIdentityProvider("none")));
    }

    @Test
    void eventsCarryTheRadiusContextAndTheIdpFacts() {
        var ok = new IdpResult.Authenticated("uid=a", List.of("staff", "wifi"), Map.of(), true);
        List<NacEvent> events = IdpEvents.of(AUTHENTICATE, REQUEST, new IdpOutcome("idp-1", "ldap", ok), AT);
        assertEquals(2, events.size());
        NacEvent groups = events.get(1);
        assertEquals(IdpEvents.GROUPS_LOOKUP_SUCCESS, groups.type());
        assertEquals("org-1", groups.orgId());
        assertEquals("aabbccddeeff", groups.mac());
        assertEquals("alice@corp.example", groups.username());
        assertEquals(AT, groups.timestamp());
        assertEquals("idp-1", groups.facts().get("idp_id"));
        assertEquals("alice@corp.example", groups.facts().get("idp_username"));
        assertEquals(List.of("staff", "wifi"), groups.facts().get("idp_role"));
        assertNull(groups.reason());
        assertFalse(events.get(0).facts().containsKey("idp_role"));
    }

    @Test
    void failuresCarryTheReasonAndNoPassword() {
        NacEvent e = IdpEvents.of(AUTHENTICATE, REQUEST,
                new IdpOutcome("idp-1", "ldap", new IdpResult.Unreachable("no LDAP server answered")), AT).get(0);
        assertEquals(IdpEvents.UNREACHABLE, e.type());
        assertEquals("no LDAP server answered", e.reason());
    }
}
