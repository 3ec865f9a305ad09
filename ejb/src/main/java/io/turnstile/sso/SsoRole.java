package io.turnstile.sso;

import java.util.List;
import java.util.Objects;

/** An org's {@code ssoroles} entry: the name an IdP asserts and the privileges it grants. */
public record SsoRole(String id, String name, List<SsoPrivilege> privileges) {

    public SsoRole {
        Objects.requireNonNull(name, "name");
        privileges = List.copyOf(privileges);
    }
}
