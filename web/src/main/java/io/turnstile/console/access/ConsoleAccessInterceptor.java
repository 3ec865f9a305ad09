package io.turnstile.console.access;

import io.turnstile.api.security.AccessPolicy;
import io.turnstile.api.security.DeclaredAccess;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;

import java.io.Serializable;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * The console's counterpart of {@link io.turnstile.api.security.TokenAuthFilter}: every business method of a
 * {@link ConsoleAction} bean (actions and the getters views read) is checked against what it declares
 * ({@link DeclaredAccess}: {@code @RequiresRole} on the method, else the class) with the same {@link AccessPolicy}, for
 * the caller's role in the console's org. Undeclared means refused. Hiding a control is a courtesy; this is the
 * refusal, so a POST forged for a hidden button changes nothing. Serializable, as interceptors of view-scoped beans
 * must be.
 */
@ConsoleAction
@Interceptor
@Priority(Interceptor.Priority.APPLICATION)
public class ConsoleAccessInterceptor implements Serializable {

    private static final long serialVersionUID = 1L;

    private static final Logger LOG = Logger.getLogger(ConsoleAccessInterceptor.class.getName());

    @Inject
    ConsoleSession session;

    @AroundInvoke
    public Object guard(InvocationContext ctx) throws Exception {
        DeclaredAccess declared = DeclaredAccess.of(ctx.getMethod(), ctx.getMethod().getDeclaringClass());
        Optional<AccessPolicy.Denial> denial = session.caller()
                .map(c -> AccessPolicy.check(c, declared, session.getOrgId()))
                .orElse(Optional.of(new AccessPolicy.Denial(401, "Authentication credentials were not provided.")));
        if (denial.isPresent()) {
            LOG.warning(() -> "console refused " + ctx.getMethod().getDeclaringClass().getSimpleName() + "."
                    + ctx.getMethod().getName() + " for " + session.getEmail() + ": " + denial.get().status());
            throw new ConsoleAccessDeniedException(denial.get());
        }
        return ctx.proceed();
    }
}
