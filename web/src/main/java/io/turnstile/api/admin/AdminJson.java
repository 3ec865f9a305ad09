package io.turnstile.api.admin;

import io.turnstile.admin.AdminAccount;
import io.turnstile.admin.Privileges;
import io.turnstile.admin.SsoRole;
import io.turnstile.org.OrgApiToken;
import io.turnstile.platform.EpochSeconds;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Admins, API tokens and SSO roles in the contract's shapes (Mist's {@code admin}, {@code org_apitoken}, {@code sso_role_org}). */
public final class AdminJson {

    private AdminJson() {
    }

    public static Map<String, Object> admin(AdminAccount a, Map<String, String> orgNames) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", a.id());
        m.put("email", a.email());
        m.put("first_name", a.firstName());
        m.put("last_name", a.lastName());
        m.put("privileges", Privileges.toJson(a.privileges(), orgNames));
        m.put("sso_id", a.ssoId());
        m.put("created_time", EpochSeconds.ofMillis(a.createdMillis()));
        m.put("modified_time", EpochSeconds.ofMillis(a.modifiedMillis()));
        return m;
    }

    public static Map<String, Object> token(OrgApiToken t) {
        Map<String, Object> privilege = new LinkedHashMap<>();
        privilege.put("scope", "org");
        privilege.put("org_id", t.orgId());
        privilege.put("role", t.role() == null ? null : t.role().wire());
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", t.id());
        m.put("org_id", t.orgId());
        m.put("name", t.name());
        m.put("privileges", List.of(privilege));
        if (!t.srcIps().isEmpty()) {
            m.put("src_ips", t.srcIps());
        }
        m.put("created_by", t.createdBy());
        m.put("created_time", EpochSeconds.ofMillis(t.createdMillis()));
        m.put("last_used", EpochSeconds.ofMillis(t.lastUsedMillis()));
        return m;
    }

    public static Map<String, Object> ssoRole(SsoRole r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", r.id());
        m.put("org_id", r.orgId());
        m.put("name", r.name());
        m.put("privileges", Privileges.toJson(r.privileges(), Map.of()));
        m.put("created_time", EpochSeconds.ofMillis(r.createdMillis()));
        m.put("modified_time", EpochSeconds.ofMillis(r.modifiedMillis()));
        return m;
    }
}
