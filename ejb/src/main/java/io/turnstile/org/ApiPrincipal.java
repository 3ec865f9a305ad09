package io.turnstile.org;

import java.util.Objects;

/** Who an authenticated API request acts as: an org API token. */
public record ApiPrincipal(String tokenId, String orgId, ApiRole role, String name) {

    public ApiPrincipal {
        Objects.requireNonNull(tokenId, "tokenId");
        Objects.requireNonNull(orgId, "orgId");
        Objects.requireNonNull(role, "role");
    }
}
