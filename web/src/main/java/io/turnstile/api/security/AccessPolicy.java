package io.turnstile.api.security;

import io.turnstile.org.ApiPrincipal;

import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What an authenticated token may do, by request path (relative to {@code /api/v1}) and method:
 * <ul>
 *   <li>{@code orgs/{org_id}/...}: the token must belong to that org (403 otherwise, also for the id in upper case,
 *       which no query would find; 404 if the org id is not a UUID);</li>
 *   <li>any method other than GET, HEAD and OPTIONS needs role admin or write (403 for read, helpdesk, installer);</li>
 *   <li>other paths ({@code self}, ...): any token. Site-scoped paths ({@code sites/{site_id}/...}) are not checked
 *       here, since sites are not stored yet: a resource serving one must check the site's org itself.</li>
 * </ul>
 */
public final class AccessPolicy {

    public static final String FORBIDDEN = "You do not have permission to perform this action.";
    public static final String NOT_FOUND = "Not found.";

    static final Set<String> READ_METHODS = Set.of("GET", "HEAD", "OPTIONS");

    private static final Pattern UUID = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    /** Why a request is refused: HTTP status and the contract's {@code detail}. */
    public record Denial(int status, String detail) {
    }

    private AccessPolicy() {
    }

    public static Optional<Denial> check(ApiPrincipal principal, String method, String path) {
        String p = path == null ? "" : path;
        while (p.startsWith("/")) {
            p = p.substring(1);
        }
        String[] segments = p.split("/", 3);
        if (segments.length >= 2 && segments[0].equals("orgs") && !segments[1].isEmpty()) {
            String orgId = segments[1];
            if (!UUID.matcher(orgId).matches()) {
                return Optional.of(new Denial(404, NOT_FOUND));
            }
            if (!orgId.equals(principal.orgId())) {
                return Optional.of(new Denial(403, FORBIDDEN));
            }
        }
        if (!READ_METHODS.contains(method) && !principal.role().canWrite()) {
            return Optional.of(new Denial(403, FORBIDDEN));
        }
        return Optional.empty();
    }
}
