package io.turnstile.console.access;

import io.turnstile.admin.Caller;
import io.turnstile.admin.SignedIn;
import io.turnstile.api.security.RequiresRole;
import io.turnstile.org.ApiRole;
import io.turnstile.org.Organisation;
import jakarta.interceptor.InvocationContext;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The console's server-side refusal: the same declarations and {@code AccessPolicy} as the REST API. */
class ConsoleAccessInterceptorTest {

    static final String ORG = "9b1c2d3e-4f50-4617-8829-3a4b5c6d7e8f";
    static final String OTHER_ORG = "0a1b2c3d-4e5f-4607-8819-2a3b4c5d6e7f";

    @RequiresRole(ApiRole.READ)
    static class PageBean {
        public String getRows() {
            return "rows";
        }

        @RequiresRole(ApiRole.WRITE)
        public String save() {
            return "saved";
        }
    }

    static class UndeclaredBean {
        public String anything() {
            return "done";
        }
    }

    static ConsoleAccessInterceptor interceptor(ApiRole role) {
        ConsoleAccessInterceptor i = new ConsoleAccessInterceptor();
        i.session = new ConsoleSession();
        if (role != null) {
            Caller caller = new Caller(Caller.Kind.ADMIN, "admin-1", "ann@example.com", "Ann", Map.of(ORG, role),
                    null);
            i.session.set(new SignedIn(caller, "csrf"), new Organisation(ORG, "Org", Instant.EPOCH));
        }
        return i;
    }

    /** An invocation of {@code method} that records whether it went on to the bean. */
    static InvocationContext call(Method method, AtomicBoolean proceeded) {
        return (InvocationContext) Proxy.newProxyInstance(InvocationContext.class.getClassLoader(),
                new Class<?>[]{InvocationContext.class}, (proxy, m, args) -> switch (m.getName()) {
                    case "getMethod" -> method;
                    case "proceed" -> {
                        proceeded.set(true);
                        yield "proceeded";
                    }
                    default -> throw new UnsupportedOperationException(m.getName());
                });
    }

    static Object invoke(ApiRole role, Method method, AtomicBoolean proceeded) throws Exception {
        return interceptor(role).guard(call(method, proceeded));
    }

    @Test
    void aReadOnlyAdminIsRefusedAWriteActionWhichDoesNotRun() throws Exception {
        AtomicBoolean proceeded = new AtomicBoolean();
        Method save = PageBean.class.getMethod("save");
        ConsoleAccessDeniedException e = assertThrows(ConsoleAccessDeniedException.class,
                () -> invoke(ApiRole.READ, save, proceeded));
        assertEquals(403, e.status());
        assertFalse(proceeded.get());
    }

    @Test
    void writeAndAdminMayRunTheWriteAction() throws Exception {
        for (ApiRole role : new ApiRole[]{ApiRole.WRITE, ApiRole.ADMIN}) {
            AtomicBoolean proceeded = new AtomicBoolean();
            assertEquals("proceeded", invoke(role, PageBean.class.getMethod("save"), proceeded));
            assertTrue(proceeded.get(), role.wire());
        }
    }

    @Test
    void theClassDeclarationCoversMethodsWithoutTheirOwn() throws Exception {
        AtomicBoolean proceeded = new AtomicBoolean();
        assertEquals("proceeded", invoke(ApiRole.READ, PageBean.class.getMethod("getRows"), proceeded));
        assertThrows(ConsoleAccessDeniedException.class,
                () -> invoke(ApiRole.INSTALLER, PageBean.class.getMethod("getRows"), new AtomicBoolean()),
                "installer satisfies installer only");
    }

    @Test
    void anUndeclaredMethodIsRefusedEvenToAnAdmin() throws Exception {
        AtomicBoolean proceeded = new AtomicBoolean();
        assertThrows(ConsoleAccessDeniedException.class,
                () -> invoke(ApiRole.ADMIN, UndeclaredBean.class.getMethod("anything"), proceeded));
        assertFalse(proceeded.get());
    }

    @Test
    void withoutASessionEverythingIsRefusedWith401() throws Exception {
        ConsoleAccessDeniedException e = assertThrows(ConsoleAccessDeniedException.class,
                () -> invoke(null, PageBean.class.getMethod("getRows"), new AtomicBoolean()));
        assertEquals(401, e.status());
    }

    @Test
    void aRoleInAnotherOrgDoesNotCount() throws Exception {
        ConsoleAccessInterceptor i = new ConsoleAccessInterceptor();
        i.session = new ConsoleSession();
        Caller caller = new Caller(Caller.Kind.ADMIN, "admin-2", "bob@example.com", "Bob",
                Map.of(OTHER_ORG, ApiRole.ADMIN, ORG, ApiRole.READ), null);
        i.session.set(new SignedIn(caller, "csrf"), new Organisation(ORG, "Org", Instant.EPOCH));
        assertThrows(ConsoleAccessDeniedException.class,
                () -> i.guard(call(PageBean.class.getMethod("save"), new AtomicBoolean())));
    }
}
