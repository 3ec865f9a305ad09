package io.turnstile.sso;

import java.util.List;
import java.util.Objects;

/**
 * One privilege of an ssorole (contract {@code privilege_org}): a role ({@code admin}, {@code write}, {@code read},
 * {@code helpdesk}, ...) over a scope ({@code org}, {@code site}, {@code sitegroup}).
 */
public record SsoPrivilege(String scope, String role, String siteId, String sitegroupId, List<String> views) {

    public SsoPrivilege {
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(role, "role");
        views = views == null ? List.of() : List.copyOf(views);
    }
}
