package io.turnstile.identity;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One provider (and so one connection pool) per {@code sso} id, rebuilt when the entry's {@code modified} time
 * changes; a replaced provider is closed. Thread-safe.
 */
final class ProviderCache implements AutoCloseable {

    private record Built(long modified, IdentityProvider provider) {
    }

    private final Map<String, Built> providers = new ConcurrentHashMap<>();

    /** The provider for this configuration, built by the factory of its type; empty if no factory serves the type. */
    Optional<IdentityProvider> provider(IdpConfig c, Iterable<IdentityProviderFactory> factories) {
        Built built = providers.compute(c.id(), (id, old) -> {
            if (old != null && old.modified() == c.modified()) {
                return old;
            }
            if (old != null) {
                old.provider().close();
            }
            for (IdentityProviderFactory f : factories) {
                if (f.idpType().equals(c.idpType())) {
                    return new Built(c.modified(), f.create(c));
                }
            }
            return null;
        });
        return built == null ? Optional.empty() : Optional.of(built.provider());
    }

    /** Closes and forgets the provider of this entry, if any (the entry changed or was deleted). */
    void evict(String ssoId) {
        Built old = providers.remove(ssoId);
        if (old != null) {
            old.provider().close();
        }
    }

    @Override
    public void close() {
        providers.values().forEach(b -> b.provider().close());
        providers.clear();
    }
}
