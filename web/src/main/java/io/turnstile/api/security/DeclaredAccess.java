package io.turnstile.api.security;

import io.turnstile.org.ApiRole;
import jakarta.annotation.security.PermitAll;

import java.lang.reflect.Method;

/**
 * What an operation declares about access, read from its resource method, else its class: anyone
 * ({@link PermitAll}), any authenticated caller ({@link Authenticated}), a least role ({@link RequiresRole}), or
 * nothing (refused).
 */
public record DeclaredAccess(Kind kind, ApiRole role) {

    public enum Kind { PUBLIC, AUTHENTICATED, ROLE, UNDECLARED }

    public static final DeclaredAccess UNDECLARED = new DeclaredAccess(Kind.UNDECLARED, null);

    public static DeclaredAccess of(Method method, Class<?> resourceClass) {
        DeclaredAccess onMethod = method == null ? UNDECLARED : read(method.getAnnotation(PermitAll.class),
                method.getAnnotation(Authenticated.class), method.getAnnotation(RequiresRole.class));
        if (onMethod.kind() != Kind.UNDECLARED || resourceClass == null) {
            return onMethod;
        }
        return read(resourceClass.getAnnotation(PermitAll.class), resourceClass.getAnnotation(Authenticated.class),
                resourceClass.getAnnotation(RequiresRole.class));
    }

    private static DeclaredAccess read(PermitAll permitAll, Authenticated authenticated, RequiresRole role) {
        if (role != null) {
            return new DeclaredAccess(Kind.ROLE, role.value());
        }
        if (authenticated != null) {
            return new DeclaredAccess(Kind.AUTHENTICATED, null);
        }
        if (permitAll != null) {
            return new DeclaredAccess(Kind.PUBLIC, null);
        }
        return UNDECLARED;
    }
}
