package io.turnstile.admin;

import io.turnstile.org.ApiRole;

import java.util.Objects;

/**
 * One entry of the contract's privilege list ({@code privilege_org}) as Turnstile supports it: scope {@code org} only
 * (sites are not stored yet), an org id and a role.
 */
public record Privilege(String orgId, ApiRole role) {

    public static final String SCOPE_ORG = "org";

    public Privilege {
        Objects.requireNonNull(orgId, "orgId");
        Objects.requireNonNull(role, "role");
    }
}
