package io.turnstile.admin;

import io.turnstile.org.ApiPrincipal;
import io.turnstile.org.ApiRole;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Who a request acts as: an admin signed in with a session cookie, or an org API token. {@code roles} is the
 * caller's role per org id (a token has exactly one org). {@code name} is what the audit log shows as
 * {@code admin_name}: the admin's email or the token's name. {@code token} is set for token callers only.
 */
public record Caller(Kind kind, String id, String name, String displayName, Map<String, ApiRole> roles,
                     ApiPrincipal token) {

    public enum Kind { ADMIN, TOKEN }

    public Caller {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(id, "id");
        roles = Map.copyOf(roles);
    }

    public static Caller of(ApiPrincipal token) {
        return new Caller(Kind.TOKEN, token.tokenId(), token.name() == null ? token.tokenId() : token.name(),
                token.name(), Map.of(token.orgId(), token.role()), token);
    }

    /** The caller's role in an org, if any. */
    public Optional<ApiRole> roleIn(String orgId) {
        return Optional.ofNullable(orgId == null ? null : roles.get(orgId));
    }

    /** Whether the caller has, in some org, a role that satisfies {@code required}. */
    public boolean hasAnywhere(ApiRole required) {
        return roles.values().stream().anyMatch(r -> r.satisfies(required));
    }
}
