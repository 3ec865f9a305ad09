package io.turnstile.org;

import java.util.Locale;
import java.util.Optional;

/**
 * Role of an admin or API token in an org (contract: admin_privilege_role). An operation declares the least role it
 * needs; {@link #satisfies} says whether a caller's role is enough:
 * <ul>
 *   <li>{@code admin} satisfies everything;</li>
 *   <li>{@code write} satisfies write, helpdesk and read;</li>
 *   <li>{@code helpdesk} satisfies helpdesk and read (Mist: monitoring plus first-line actions);</li>
 *   <li>{@code read} satisfies read;</li>
 *   <li>{@code installer} satisfies installer only (Mist: device installation, no org configuration).</li>
 * </ul>
 */
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

    /** Whether a caller with this role may perform an operation that needs {@code required}. */
    public boolean satisfies(ApiRole required) {
        return switch (this) {
            case ADMIN -> true;
            case WRITE -> required == WRITE || required == HELPDESK || required == READ;
            case HELPDESK -> required == HELPDESK || required == READ;
            case READ -> required == READ;
            case INSTALLER -> required == INSTALLER;
        };
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
