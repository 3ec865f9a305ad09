package io.turnstile.api.security;

import io.turnstile.admin.Caller;
import io.turnstile.org.ApiRole;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Whether an authenticated caller may perform an operation, from what the operation declares
 * ({@link DeclaredAccess}) and the {@code org_id} of its path:
 * <ul>
 *   <li>undeclared: refused (403), whoever asks: an operation someone forgot to annotate is closed, not open;</li>
 *   <li>{@code org_id} not a UUID: 404; the caller has no role in that org: 403 (also for the id in upper case,
 *       which no query would find);</li>
 *   <li>a declared role: the caller's role in the org (or, for paths without {@code org_id}, in any org) must
 *       satisfy it ({@link ApiRole#satisfies}), else 403.</li>
 * </ul>
 */
public final class AccessPolicy {

    public static final String FORBIDDEN = "You do not have permission to perform this action.";
    public static final String NOT_FOUND = "Not found.";

    private static final Pattern UUID = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    /** Why a request is refused: HTTP status and the contract's {@code detail}. */
    public record Denial(int status, String detail) {
    }

    private AccessPolicy() {
    }

    /** @param orgId the {@code org_id} path parameter, or null if the path has none */
    public static Optional<Denial> check(Caller caller, DeclaredAccess declared, String orgId) {
        if (declared.kind() == DeclaredAccess.Kind.UNDECLARED) {
            return Optional.of(new Denial(403, FORBIDDEN));
        }
        if (orgId != null) {
            if (!UUID.matcher(orgId).matches()) {
                return Optional.of(new Denial(404, NOT_FOUND));
            }
            if (caller.roleIn(orgId).isEmpty()) {
                return Optional.of(new Denial(403, FORBIDDEN));
            }
        }
        if (declared.kind() != DeclaredAccess.Kind.ROLE) {
            return Optional.empty();
        }
        boolean allowed = orgId != null ? caller.roleIn(orgId).orElseThrow().satisfies(declared.role())
                : caller.hasAnywhere(declared.role());
        return allowed ? Optional.empty() : Optional.of(new Denial(403, FORBIDDEN));
    }
}
