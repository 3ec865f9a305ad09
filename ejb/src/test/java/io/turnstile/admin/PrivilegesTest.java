package io.turnstile.admin;

import io.turnstile.org.ApiRole;
import io.turnstile.platform.InvalidRequestException;
import io.turnstile.platform.JsonText;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PrivilegesTest {

    static final String ORG = "a97c1b22-a4e9-411e-9bfd-d8695a0f9e61";
    static final String OTHER = "27547ac2-d114-4e04-beb1-f3f1e6e81ec6";

    @Test
    void anEntryWithoutOrgIdMeansThePathsOrg() {
        List<Privilege> p = Privileges.fromRequest(JsonText.parse("[{\"scope\": \"org\", \"role\": \"write\"}]"), ORG);
        assertEquals(List.of(new Privilege(ORG, ApiRole.WRITE)), p);
        assertEquals(p, Privileges.parse(Privileges.write(p)));
    }

    @Test
    void otherOrgsSitesAndUnknownRolesAreRefused() {
        assertThrows(InvalidRequestException.class, () -> Privileges.fromRequest(JsonText.parse(
                "[{\"scope\": \"org\", \"org_id\": \"" + OTHER + "\", \"role\": \"admin\"}]"), ORG));
        assertThrows(InvalidRequestException.class, () -> Privileges.fromRequest(JsonText.parse(
                "[{\"scope\": \"site\", \"role\": \"admin\"}]"), ORG));
        assertThrows(InvalidRequestException.class, () -> Privileges.fromRequest(JsonText.parse(
                "[{\"scope\": \"org\", \"role\": \"superuser\"}]"), ORG));
        assertThrows(InvalidRequestException.class, () -> Privileges.fromRequest(JsonText.parse("[]"), ORG));
        assertThrows(InvalidRequestException.class, () -> Privileges.fromRequest(null, ORG));
    }

    @Test
    void storedEntriesWithUnknownRolesGrantNothing() {
        assertTrue(Privileges.parse("[{\"scope\":\"org\",\"org_id\":\"" + ORG + "\",\"role\":\"root\"}]").isEmpty());
    }

    @Test
    void roleResolution() {
        assertTrue(ApiRole.ADMIN.satisfies(ApiRole.INSTALLER));
        assertTrue(ApiRole.WRITE.satisfies(ApiRole.HELPDESK));
        assertTrue(ApiRole.HELPDESK.satisfies(ApiRole.READ));
        assertFalse(ApiRole.HELPDESK.satisfies(ApiRole.WRITE));
        assertFalse(ApiRole.READ.satisfies(ApiRole.HELPDESK));
        assertFalse(ApiRole.INSTALLER.satisfies(ApiRole.READ));
        assertFalse(ApiRole.WRITE.satisfies(ApiRole.ADMIN));
        Caller c = new Caller(Caller.Kind.ADMIN, "a", "a@example.com", "A", java.util.Map.of(ORG, ApiRole.READ),
                null);
        assertEquals(ApiRole.READ, c.roleIn(ORG).orElseThrow());
        assertTrue(c.roleIn(OTHER).isEmpty());
        assertFalse(c.hasAnywhere(ApiRole.WRITE));
    }
}
