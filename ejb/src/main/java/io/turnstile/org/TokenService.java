package io.turnstile.org;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Org API tokens: authentication of API requests, creation, and their management through the API. */
public interface TokenService {

    /** The principal of a token key, from memory (no database read per request). */
    Optional<ApiPrincipal> authenticate(String key);

    /** Creates a token with a generated key; the key is in the result and nowhere else. */
    IssuedToken issue(String orgId, String name, ApiRole role);

    /** Creates a token with a key chosen by the operator (e.g. the bootstrap token), unless that key already exists. */
    Optional<ApiPrincipal> register(String orgId, String name, ApiRole role, String key);

    /** Whether a token with this key exists. */
    boolean exists(String key);

    List<OrgApiToken> list(String orgId);

    OrgApiToken get(String orgId, String tokenId);

    /**
     * Creates a token from the contract's body ({@code name}, {@code privileges} with one org-scope entry,
     * optional {@code src_ips}, at most 10); audited. The key is only in the result.
     */
    CreatedToken create(String orgId, Map<String, Object> body);

    /** Changes {@code name} and/or {@code privileges}; {@code src_ips} cannot change (contract). Audited. */
    OrgApiToken update(String orgId, String tokenId, Map<String, Object> body);

    /** Deletes the token; it stops working on this node at once, on others within the cache's refresh. Audited. */
    void delete(String orgId, String tokenId);
}
