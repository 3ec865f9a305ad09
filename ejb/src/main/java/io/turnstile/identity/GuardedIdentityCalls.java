package io.turnstile.identity;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.faulttolerance.Bulkhead;
import org.eclipse.microprofile.faulttolerance.Timeout;

import java.time.temporal.ChronoUnit;

/**
 * The calls into a provider, behind MicroProfile Fault Tolerance so that a slow directory cannot stall the RADIUS
 * path: an overall {@link Timeout} (the providers' own connect/response timeouts are shorter, this is the backstop for
 * a call that spans several round trips and failover), and a {@link Bulkhead} so that at most 16 request threads wait
 * on directories at once; the next caller is refused at once ({@code BulkheadException}) instead of queueing.
 * {@link IdentityProvidersBean} turns both exceptions into {@link IdpResult.Unreachable}.
 *
 * <p>Limits can be tuned without a build through MicroProfile Config, e.g.
 * {@code io.turnstile.identity.GuardedIdentityCalls/Timeout/value=5000}.
 */
@ApplicationScoped
public class GuardedIdentityCalls {

    @Timeout(value = 8, unit = ChronoUnit.SECONDS)
    @Bulkhead(16)
    public IdpResult authenticate(IdentityProvider provider, String userName, String password) {
        return provider.authenticate(userName, password);
    }

    @Timeout(value = 8, unit = ChronoUnit.SECONDS)
    @Bulkhead(16)
    public IdpResult lookup(IdentityProvider provider, String userName) {
        return provider.lookup(userName);
    }
}
