package io.turnstile.api.security;

import io.turnstile.org.ApiRole;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The least role an operation needs, declared on the resource method or its class (the method wins), and enforced
 * by {@link TokenAuthFilter} alone. For a path with {@code {org_id}} the caller's role in that org counts; elsewhere,
 * its role in any org. Which roles satisfy which: {@link ApiRole#satisfies}. An operation with neither this,
 * {@link Authenticated} nor {@link jakarta.annotation.security.PermitAll} is refused to everyone (fail closed).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface RequiresRole {

    ApiRole value();
}
