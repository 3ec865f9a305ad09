package io.turnstile.org;

import java.util.List;

/**
 * An org API token as the API lists it (contract org_apitoken), without its key. {@code lastUsedMillis} is null if
 * never used; it is written at most once a minute (see {@link TokenCache}).
 */
public record OrgApiToken(String id, String orgId, String name, ApiRole role, List<String> srcIps, String createdBy,
                          long createdMillis, Long lastUsedMillis) {
}
