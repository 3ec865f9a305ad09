package io.turnstile.admin;

import java.util.List;

/** Contract {@code sso_role_org}: a role name an IdP sends, and the privileges it grants. */
public record SsoRole(String id, String orgId, String name, List<Privilege> privileges, long createdMillis,
                      long modifiedMillis) {
}
