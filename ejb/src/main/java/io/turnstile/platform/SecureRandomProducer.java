package io.turnstile.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Produces;

import java.security.SecureRandom;

/** The application's source of randomness: one shared (thread-safe) {@link SecureRandom}. */
@ApplicationScoped
public class SecureRandomProducer {

    private static final SecureRandom RANDOM = new SecureRandom();

    @Produces
    @Dependent
    public SecureRandom secureRandom() {
        return RANDOM;
    }
}
