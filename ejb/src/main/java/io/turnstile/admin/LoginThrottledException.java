package io.turnstile.admin;

import jakarta.ejb.ApplicationException;

/** Too many login attempts from one address or for one email: HTTP 429 with {@code Retry-After} (RFC 6585 §4). */
@ApplicationException(rollback = false)
public class LoginThrottledException extends RuntimeException {

    public static final String MESSAGE = "Too many login attempts; try again later.";

    private final long retryAfterSeconds;

    public LoginThrottledException(long retryAfterSeconds) {
        super(MESSAGE);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
