package io.turnstile.api.security;

import io.turnstile.org.ApiPrincipal;
import io.turnstile.org.ApiRole;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AccessPolicyTest {

    static final String ORG = "a97c1b22-a4e9-411e-9bfd-d8695a0f9e61";
    static final String OTHER = "27547ac2-d114-4e04-beb1-f3f1e6e81ec6";

    private static ApiPrincipal token(ApiRole role) {
        return new ApiPrincipal("t1", ORG, role, "ci");
    }

    private static int status(ApiRole role, String method, String path) {
        return AccessPolicy.check(token(role), method, path).map(AccessPolicy.Denial::status).orElse(200);
    }

    @Test
    void tokensReachTheirOwnOrgOnly() {
        assertEquals(200, status(ApiRole.READ, "GET", "orgs/" + ORG + "/mxclusters"));
        assertEquals(200, status(ApiRole.READ, "GET", "/orgs/" + ORG + "/setting"));
        assertEquals(403, status(ApiRole.READ, "GET", "/orgs/" + ORG.toUpperCase() + "/setting"));
        assertEquals(403, status(ApiRole.ADMIN, "GET", "orgs/" + OTHER + "/mxclusters"));
        assertEquals(403, status(ApiRole.ADMIN, "GET", "orgs/" + OTHER));
        assertEquals(404, status(ApiRole.ADMIN, "GET", "orgs/not-a-uuid/mxclusters"));
    }

    @Test
    void changesNeedAdminOrWrite() {
        for (String m : new String[]{"POST", "PUT", "DELETE", "PATCH"}) {
            assertEquals(200, status(ApiRole.ADMIN, m, "orgs/" + ORG + "/mxclusters"));
            assertEquals(200, status(ApiRole.WRITE, m, "orgs/" + ORG + "/mxclusters"));
            assertEquals(403, status(ApiRole.READ, m, "orgs/" + ORG + "/mxclusters"), m);
            assertEquals(403, status(ApiRole.HELPDESK, m, "orgs/" + ORG + "/mxclusters"), m);
            assertEquals(403, status(ApiRole.INSTALLER, m, "orgs/" + ORG + "/mxclusters"), m);
        }
        assertEquals(200, status(ApiRole.HELPDESK, "HEAD", "orgs/" + ORG + "/mxclusters"));
        assertEquals(200, status(ApiRole.HELPDESK, "OPTIONS", "orgs/" + ORG + "/mxclusters"));
    }

    @Test
    void selfIsOpenToEveryToken() {
        assertEquals(200, status(ApiRole.HELPDESK, "GET", "self"));
        assertEquals(403, status(ApiRole.READ, "PUT", "self"));
    }

    @Test
    void refusalsUseTheContractText() {
        Optional<AccessPolicy.Denial> d = AccessPolicy.check(token(ApiRole.READ), "POST", "orgs/" + ORG + "/setting");
        assertTrue(d.isPresent());
        assertEquals("You do not have permission to perform this action.", d.get().detail());
    }
}
