package io.turnstile.org;

import java.util.Locale;
import java.util.Optional;

/** Role of an API token (contract: admin_privilege_role). */
public enum ApiRole {
    ADMIN, WRITE, READ, HELPDESK, INSTALLER;

    /** The contract's spelling: lower case. */
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether the role may change things (every method but GET/HEAD/OPTIONS). */
    public boolean canWrite() {
        return this == ADMIN || this == WRITE;
    }

    public static Optional<ApiRole> fromWire(String text) {
        if (text == null) {
            return Optional.empty();
        }
        for (ApiRole r : values()) {
            if (r.wire().equals(text)) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }
}
