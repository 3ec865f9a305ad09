package io.turnstile.sso;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Matches the roles an assertion carries against the org's {@code ssoroles}, by the contract's rules for
 * {@code ignore_unmatched_roles} and {@code default_role}:
 * <ol>
 * <li>no asserted role names an ssorole: the {@code default_role} is granted if it is set and names an ssorole,
 * otherwise the login is denied ({@link SamlLoginFailure.Reason#NO_ROLE_MATCHED});</li>
 * <li>some match and some do not: denied ({@link SamlLoginFailure.Reason#UNMATCHED_ROLE}) unless
 * {@code ignore_unmatched_roles}, then the matched ones are granted;</li>
 * <li>all match: all are granted.</li>
 * </ol>
 * The privileges are the union of the granted roles' privileges. Names compare exactly (case-sensitive), as the
 * attribute name does. Nothing is remembered between logins: the result is recomputed from the current ssoroles.
 */
public final class SsoRoleMatcher {

    public RoleMatch match(List<String> asserted, Collection<SsoRole> ssoRoles, SamlSsoConfig sso) {
        Map<String, SsoRole> byName = new LinkedHashMap<>();
        for (SsoRole r : ssoRoles) {
            byName.putIfAbsent(r.name(), r);
        }
        List<SsoRole> matched = new ArrayList<>();
        List<String> unmatched = new ArrayList<>();
        for (String role : asserted) {
            SsoRole r = byName.get(role);
            if (r != null) {
                matched.add(r);
            } else {
                unmatched.add(role);
            }
        }
        if (matched.isEmpty()) {
            SsoRole fallback = sso.defaultRole() == null ? null : byName.get(sso.defaultRole());
            if (fallback == null) {
                return new RoleMatch.Denied(SamlLoginFailure.Reason.NO_ROLE_MATCHED, unmatched);
            }
            return new RoleMatch.Granted(List.of(fallback.name()), union(List.of(fallback)), true);
        }
        if (!unmatched.isEmpty() && !sso.ignoreUnmatchedRoles()) {
            return new RoleMatch.Denied(SamlLoginFailure.Reason.UNMATCHED_ROLE, unmatched);
        }
        return new RoleMatch.Granted(matched.stream().map(SsoRole::name).toList(), union(matched), false);
    }

    private static Set<SsoPrivilege> union(List<SsoRole> roles) {
        Set<SsoPrivilege> all = new LinkedHashSet<>();
        roles.forEach(r -> all.addAll(r.privileges()));
        return all;
    }
}
