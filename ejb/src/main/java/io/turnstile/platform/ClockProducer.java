package io.turnstile.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Produces;

import java.time.Clock;

/** The application's clock: UTC system time. Tests construct their services with a fixed clock instead. */
@ApplicationScoped
public class ClockProducer {

    private static final Clock SYSTEM_UTC = Clock.systemUTC();

    @Produces
    @Dependent
    public Clock clock() {
        return SYSTEM_UTC;
    }
}
