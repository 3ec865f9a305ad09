package io.turnstile.console.access;

import io.turnstile.api.security.AccessPolicy;

/** A console call its caller's role does not allow; shown as the 403 page (web.xml), never as a stack trace. */
public class ConsoleAccessDeniedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;

    public ConsoleAccessDeniedException(AccessPolicy.Denial denial) {
        super(denial.detail());
        this.status = denial.status();
    }

    public int status() {
        return status;
    }
}
