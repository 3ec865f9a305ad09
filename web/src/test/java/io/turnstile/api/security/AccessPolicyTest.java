package io.turnstile.api.security;

import io.turnstile.admin.Caller;
import io.turnstile.org.ApiPrincipal;
import io.turnstile.org.ApiRole;
import jakarta.annotation.security.PermitAll;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class AccessPolicyTest {

    static final String ORG = "a97c1b22-a4e9-411e-9bfd-d8695a0f9e61";
    static final String OTHER = "27547ac2-d114-4e04-beb1-f3f1e6e81ec6";

    static final DeclaredAccess READ = new DeclaredAccess(DeclaredAccess.Kind.ROLE, ApiRole.READ);
    static final DeclaredAccess WRITE = new DeclaredAccess(DeclaredAccess.Kind.ROLE, ApiRole.WRITE);
    static final DeclaredAccess ADMIN = new DeclaredAccess(DeclaredAccess.Kind.ROLE, ApiRole.ADMIN);
    static final DeclaredAccess SIGNED_IN = new DeclaredAccess(DeclaredAccess.Kind.AUTHENTICATED, null);

    private static Caller token(ApiRole role) {
        return Caller.of(new ApiPrincipal("t1", ORG, role, "ci"));
    }

    private static int status(Caller caller, DeclaredAccess declared, String orgId) {
        return AccessPolicy.check(caller, declared, orgId).map(AccessPolicy.Denial::status).orElse(200);
    }

    @Test
    void callersReachTheirOwnOrgsOnly() {
        assertEquals(200, status(token(ApiRole.READ), READ, ORG));
        assertEquals(403, status(token(ApiRole.READ), READ, ORG.toUpperCase()));
        assertEquals(403, status(token(ApiRole.ADMIN), READ, OTHER));
        assertEquals(404, status(token(ApiRole.ADMIN), READ, "not-a-uuid"));
        Caller admin = new Caller(Caller.Kind.ADMIN, "a1", "a@example.com", "A", Map.of(OTHER, ApiRole.ADMIN), null);
        assertEquals(200, status(admin, ADMIN, OTHER));
        assertEquals(403, status(admin, READ, ORG));
    }

    @Test
    void theDeclaredLeastRoleDecides() {
        assertEquals(200, status(token(ApiRole.WRITE), WRITE, ORG));
        assertEquals(200, status(token(ApiRole.ADMIN), WRITE, ORG));
        assertEquals(403, status(token(ApiRole.READ), WRITE, ORG));
        assertEquals(403, status(token(ApiRole.HELPDESK), WRITE, ORG));
        assertEquals(200, status(token(ApiRole.HELPDESK), READ, ORG));
        assertEquals(403, status(token(ApiRole.INSTALLER), READ, ORG));
        assertEquals(403, status(token(ApiRole.WRITE), ADMIN, ORG));
        assertEquals(200, status(token(ApiRole.INSTALLER), SIGNED_IN, null));
        // Without org_id in the path, a role in any org counts.
        assertEquals(200, status(token(ApiRole.WRITE), WRITE, null));
        assertEquals(403, status(token(ApiRole.READ), WRITE, null));
    }

    @Test
    void anUndeclaredOperationIsClosedEvenToAdmins() {
        assertEquals(403, status(token(ApiRole.ADMIN), DeclaredAccess.UNDECLARED, ORG));
        assertEquals(403, status(token(ApiRole.ADMIN), DeclaredAccess.UNDECLARED, null));
    }

    @RequiresRole(ApiRole.READ)
    static class Annotated {
        @RequiresRole(ApiRole.ADMIN)
        public void change() {
        }

        public void look() {
        }
    }

    static class Bare {
        public void nothing() {
        }

        @PermitAll
        public void open() {
        }

        @Authenticated
        public void mine() {
        }
    }

    @Test
    void theMethodsDeclarationWinsOverItsClasses() throws Exception {
        assertEquals(ADMIN, DeclaredAccess.of(Annotated.class.getMethod("change"), Annotated.class));
        assertEquals(READ, DeclaredAccess.of(Annotated.class.getMethod("look"), Annotated.class));
        assertEquals(DeclaredAccess.UNDECLARED, DeclaredAccess.of(Bare.class.getMethod("nothing"), Bare.class));
        assertEquals(DeclaredAccess.Kind.PUBLIC, DeclaredAccess.of(Bare.class.getMethod("open"), Bare.class).kind());
        assertEquals(SIGNED_IN, DeclaredAccess.of(Bare.class.getMethod("mine"), Bare.class));
    }
}
