package io.turnstile.org;

import java.util.Optional;
import java.util.function.Predicate;

/**
 * What the first-start bootstrap must do about API tokens, decided from the configured bootstrap token
 * ({@code turnstile.bootstrap.token} / {@code TURNSTILE_BOOTSTRAP_TOKEN}) and what the database holds:
 * <ul>
 *   <li>a configured token not stored yet is stored as an admin token (also when it changes later: the new one is
 *       added, the old one stays until deleted);</li>
 *   <li>with no configured token and no token at all in the database, a key is generated and logged once;</li>
 *   <li>otherwise nothing (restarts are idempotent).</li>
 * </ul>
 */
public enum BootstrapPlan {
    NOTHING, REGISTER_CONFIGURED, GENERATE;

    /**
     * @param configured the configured bootstrap key, if any
     * @param anyToken   whether the database holds any API token
     * @param known      whether a key is already stored
     * @throws IllegalStateException if the configured key is too weak to be an admin credential
     */
    public static BootstrapPlan decide(Optional<String> configured, boolean anyToken, Predicate<String> known) {
        Optional<String> key = configured.map(String::trim).filter(k -> !k.isEmpty());
        if (key.isPresent()) {
            String weakness = TokenHasher.weakness(key.get());
            if (weakness != null) {
                throw new IllegalStateException("TURNSTILE_BOOTSTRAP_TOKEN " + weakness
                        + "; refusing to start with a weak admin credential");
            }
            return known.test(key.get()) ? NOTHING : REGISTER_CONFIGURED;
        }
        return anyToken ? NOTHING : GENERATE;
    }
}
