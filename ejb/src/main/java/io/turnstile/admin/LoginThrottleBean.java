package io.turnstile.admin;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * {@link LoginThrottle} with one {@link LoginRateLimit} per source address and one per email, in this node's memory
 * (a cluster of n nodes admits at most n times the rate, still bounded). Configured through MicroProfile Config:
 * {@code turnstile.admin.login.ip-per-minute} / {@code ip-burst} (default 10 and 5) and
 * {@code turnstile.admin.login.email-per-minute} / {@code email-burst} (default 10 and 5).
 */
@ApplicationScoped
public class LoginThrottleBean implements LoginThrottle {

    /** Keys remembered per limit; an attacker spraying addresses or emails evicts only idle ones. */
    static final int MAX_KEYS = 100_000;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "turnstile.admin.login.ip-per-minute", defaultValue = "10")
    int ipPerMinute;

    @Inject
    @ConfigProperty(name = "turnstile.admin.login.ip-burst", defaultValue = "5")
    int ipBurst;

    @Inject
    @ConfigProperty(name = "turnstile.admin.login.email-per-minute", defaultValue = "10")
    int emailPerMinute;

    @Inject
    @ConfigProperty(name = "turnstile.admin.login.email-burst", defaultValue = "5")
    int emailBurst;

    private LoginRateLimit byAddress;
    private LoginRateLimit byEmail;

    @PostConstruct
    void init() {
        byAddress = new LoginRateLimit(clock, ipPerMinute, ipBurst, MAX_KEYS);
        byEmail = new LoginRateLimit(clock, emailPerMinute, emailBurst, MAX_KEYS);
    }

    @Override
    public void admit(String sourceAddress, String email) {
        String address = sourceAddress == null ? "-" : sourceAddress;
        String mail = email == null ? "-" : email.strip().toLowerCase(Locale.ROOT);
        // Address first: a flood from one address must not spend the victims' email buckets.
        Duration wait = byAddress.tryAcquire(List.of(address));
        if (wait.isZero()) {
            wait = byEmail.tryAcquire(List.of(mail));
        }
        if (!wait.isZero()) {
            throw new LoginThrottledException(wait.toSeconds());
        }
    }
}
