package io.turnstile.identity;

/**
 * One configured identity provider (an org's {@code sso} entry of a NAC {@code idp_type}). Implementations are
 * thread-safe, hold their connections (pools) themselves and release them in {@link #close()}. They never block
 * without a bound: each network step has its own timeout, and the caller adds an overall one (see
 * {@link GuardedIdentityCalls}).
 *
 * <p>An OAuth provider (later) implements {@link #authenticate} with the resource-owner password grant and
 * {@link #lookup} with the directory API of the tenant; the results are the same.
 */
public interface IdentityProvider extends AutoCloseable {

    /** Checks a user name and password (TTLS/PAP inner method); on success with the user's groups. */
    IdpResult authenticate(String userName, String password);

    /** Looks a user up without password (EAP-TLS logins that still need groups): {@link IdpResult.Found} or a failure. */
    IdpResult lookup(String userName);

    @Override
    void close();
}
