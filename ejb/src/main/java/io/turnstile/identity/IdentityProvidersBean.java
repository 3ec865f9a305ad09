package io.turnstile.identity;

import io.turnstile.events.NacEvent;
import io.turnstile.events.NacEventPublisher;
import io.turnstile.org.SettingService;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import org.eclipse.microprofile.faulttolerance.exceptions.BulkheadException;
import org.eclipse.microprofile.faulttolerance.exceptions.FaultToleranceException;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;

import java.time.Clock;
import java.util.Optional;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * See {@link IdentityProviders}. Providers are kept in a {@link ProviderCache} and closed at shutdown.
 */
@ApplicationScoped
public class IdentityProvidersBean implements IdentityProviders {

    private static final Logger LOG = Logger.getLogger(IdentityProvidersBean.class.getName());

    @Inject
    SettingService settings;

    @Inject
    SsoService ssos;

    @Inject
    @Any
    Instance<IdentityProviderFactory> factories;

    @Inject
    GuardedIdentityCalls calls;

    @Inject
    NacEventPublisher events;

    @Inject
    Clock clock;

    private final ProviderCache providers = new ProviderCache();

    @Override
    public IdpOutcome authenticate(IdpRequest request, String password) {
        return call(IdpEvents.Operation.AUTHENTICATE, request,
                p -> calls.authenticate(p, request.userName(), password));
    }

    @Override
    public IdpOutcome lookup(IdpRequest request) {
        return call(IdpEvents.Operation.LOOKUP, request, p -> calls.lookup(p, request.userName()));
    }

    private IdpOutcome call(IdpEvents.Operation op, IdpRequest request, Function<IdentityProvider, IdpResult> call) {
        IdpOutcome outcome = resolve(request, call);
        for (NacEvent e : IdpEvents.of(op, request, outcome, clock.instant())) {
            events.publish(e);
        }
        return outcome;
    }

    private IdpOutcome resolve(IdpRequest request, Function<IdentityProvider, IdpResult> call) {
        RealmMapping mapping;
        try {
            mapping = RealmMapping.parse(settings.get(request.orgId()).document());
        } catch (RuntimeException e) {
            LOG.warning("mist_nac.idps of org " + request.orgId() + " cannot be used: " + e.getMessage());
            mapping = RealmMapping.NONE;
        }
        Optional<String> idpId = mapping.idpFor(request.userName());
        if (idpId.isEmpty()) {
            return new IdpOutcome(null, null, new IdpResult.NoIdentityProvider(
                    "no IdP for realm " + RealmMapping.realmOf(request.userName()).orElse("(none)")
                            + " and no default_idp_id"));
        }
        Optional<IdpConfig> config = ssos.idpConfig(request.orgId(), idpId.get());
        if (config.isEmpty()) {
            return new IdpOutcome(idpId.get(), null,
                    new IdpResult.NoIdentityProvider("sso " + idpId.get() + " does not exist"));
        }
        IdpConfig c = config.get();
        Optional<IdentityProvider> provider;
        try {
            provider = providers.provider(c, factories());
        } catch (RuntimeException e) {
            // e.g. an entry stored before a stricter check: report it, never fail the RADIUS request
            LOG.warning("sso " + c.id() + " cannot be used: " + e.getMessage());
            return new IdpOutcome(c.id(), c.idpType(),
                    new IdpResult.NoIdentityProvider("the configuration of sso " + c.id() + " cannot be used"));
        }
        if (provider.isEmpty()) {
            return new IdpOutcome(c.id(), c.idpType(),
                    new IdpResult.NoIdentityProvider("idp_type " + c.idpType() + " has no provider in Turnstile"));
        }
        IdpResult result;
        try {
            result = call.apply(provider.get());
        } catch (TimeoutException e) {
            result = new IdpResult.Unreachable("no answer within the IdP timeout");
        } catch (BulkheadException e) {
            result = new IdpResult.Unreachable("too many IdP requests waiting (bulkhead full)");
        } catch (FaultToleranceException e) {
            result = new IdpResult.Unreachable("IdP call refused: " + e.getClass().getSimpleName());
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "IdP " + c.id() + " failed", e);
            result = new IdpResult.Unreachable("IdP call failed: " + e.getClass().getSimpleName());
        }
        return new IdpOutcome(c.id(), c.idpType(), result);
    }

    /** The factories of the deployment (a seam for tests). */
    Iterable<IdentityProviderFactory> factories() {
        return factories;
    }

    /** A deleted entry's pool would otherwise stay open until shutdown; a changed one is rebuilt on next use. */
    void ssoChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) SsoChanged changed) {
        providers.evict(changed.ssoId());
    }

    @PreDestroy
    void closeAll() {
        providers.close();
    }
}
