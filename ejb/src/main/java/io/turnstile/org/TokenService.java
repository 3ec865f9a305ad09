package io.turnstile.org;

import java.util.Optional;

/** Org API tokens: authentication of API requests, and creation. */
public interface TokenService {

    /** The principal of a token key, from memory (no database read per request). */
    Optional<ApiPrincipal> authenticate(String key);

    /** Creates a token with a generated key; the key is in the result and nowhere else. */
    IssuedToken issue(String orgId, String name, ApiRole role);

    /** Creates a token with a key chosen by the operator (e.g. the bootstrap token), unless that key already exists. */
    Optional<ApiPrincipal> register(String orgId, String name, ApiRole role, String key);

    /** Whether a token with this key exists. */
    boolean exists(String key);
}
