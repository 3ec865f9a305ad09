package io.turnstile.admin;

/**
 * The rate limit of local logins ({@code POST /login} and the console's password form), per source address and per
 * email, checked before the password is hashed. The lockout with back-off ({@link LoginBackoff}) still applies to an
 * admitted attempt.
 */
public interface LoginThrottle {

    /**
     * Spends one attempt of {@code sourceAddress} and of {@code email}.
     *
     * @throws LoginThrottledException when either has none left, with the seconds until one is back
     */
    void admit(String sourceAddress, String email);
}
