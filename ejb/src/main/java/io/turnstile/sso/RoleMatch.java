package io.turnstile.sso;

import java.util.List;
import java.util.Set;

/** What {@link SsoRoleMatcher} grants for one login. */
public sealed interface RoleMatch {

    /** The login may go on with these ssoroles and the union of their privileges. */
    record Granted(List<String> roles, Set<SsoPrivilege> privileges, boolean byDefaultRole) implements RoleMatch {
        public Granted {
            roles = List.copyOf(roles);
            privileges = Set.copyOf(privileges);
        }
    }

    /** The login is refused; {@code unmatched} lists the asserted roles no ssorole names. */
    record Denied(SamlLoginFailure.Reason reason, List<String> unmatched) implements RoleMatch {
        public Denied {
            unmatched = List.copyOf(unmatched);
        }

        public String detail() {
            return reason.message() + (unmatched.isEmpty() ? "" : " (unmatched: " + String.join(", ", unmatched) + ")");
        }
    }
}
