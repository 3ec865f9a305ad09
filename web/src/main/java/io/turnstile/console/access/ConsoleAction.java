package io.turnstile.console.access;

import jakarta.interceptor.InterceptorBinding;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a console backing bean whose methods {@link ConsoleAccessInterceptor} guards with the same least-role
 * declarations as the REST API ({@link io.turnstile.api.security.RequiresRole} on the method, else on the class).
 */
@Inherited
@InterceptorBinding
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface ConsoleAction {
}
