package io.turnstile.api.self;

import io.turnstile.org.ApiPrincipal;
import io.turnstile.org.Organisation;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The contract's {@code admin} shape for an org API token: its name and its one org-scoped privilege. */
public final class SelfJson {

    private SelfJson() {
    }

    public static Map<String, Object> of(ApiPrincipal token, Organisation org) {
        Map<String, Object> privilege = new LinkedHashMap<>();
        privilege.put("scope", "org");
        privilege.put("org_id", token.orgId());
        if (org != null) {
            privilege.put("org_name", org.name());
            privilege.put("name", org.name());
        }
        privilege.put("role", token.role().wire());
        Map<String, Object> admin = new LinkedHashMap<>();
        admin.put("name", token.name());
        admin.put("privileges", List.of(privilege));
        return admin;
    }
}
