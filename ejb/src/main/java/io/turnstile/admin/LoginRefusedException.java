package io.turnstile.admin;

import jakarta.ejb.ApplicationException;

/**
 * A login refused (wrong password, unknown account, locked, SSO account): HTTP 400 with the contract's
 * {@code response_login_failure}. Does not roll back: the failure count it recorded must be kept.
 */
@ApplicationException(rollback = false)
public class LoginRefusedException extends RuntimeException {

    public LoginRefusedException(String detail) {
        super(detail);
    }
}
