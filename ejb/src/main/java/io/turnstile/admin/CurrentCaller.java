package io.turnstile.admin;

import jakarta.enterprise.context.RequestScoped;

import java.util.Optional;

/**
 * The caller of the current request, set once by the REST layer's authentication filter (or the console's) and read
 * by services that need to know who acts, such as the audit trail. Empty outside requests made by someone (start-up,
 * timers) and for anonymous requests.
 */
@RequestScoped
public class CurrentCaller {

    private Caller caller;

    public Optional<Caller> get() {
        return Optional.ofNullable(caller);
    }

    /** Called by the authentication filter only (public so that the CDI client proxy can forward it). */
    public void set(Caller caller) {
        this.caller = caller;
    }
}
