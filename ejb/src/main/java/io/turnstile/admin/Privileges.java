package io.turnstile.admin;

import io.turnstile.org.ApiRole;
import io.turnstile.platform.InvalidRequestException;
import io.turnstile.platform.JsonText;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The contract's privilege list ({@code [{"scope": "org", "org_id": "...", "role": "admin"}]}) read from request
 * bodies and stored as JSON text. One privilege per org; only scope {@code org}.
 */
public final class Privileges {

    private Privileges() {
    }

    /**
     * Reads a privilege list from a request body. An entry without {@code org_id} means {@code defaultOrg} (the org
     * of the path: the contract marks {@code org_id} read-only). An entry naming another org is refused: an org's
     * admins cannot grant rights in other orgs.
     */
    public static List<Privilege> fromRequest(Object value, String defaultOrg) {
        if (!(value instanceof List<?> list) || list.isEmpty()) {
            throw new InvalidRequestException("privileges must be a non-empty list of {scope, role}");
        }
        if (list.size() > 10) {
            throw new InvalidRequestException("privileges: at most 10 entries");
        }
        Map<String, Privilege> byOrg = new LinkedHashMap<>();
        for (Object o : list) {
            if (!(o instanceof Map<?, ?> m)) {
                throw new InvalidRequestException("privileges: each entry must be an object");
            }
            Object scope = m.get("scope");
            if (!Privilege.SCOPE_ORG.equals(scope)) {
                throw new InvalidRequestException("privileges: scope must be 'org' (site scopes are not supported)");
            }
            Object role = m.get("role");
            ApiRole r = ApiRole.fromWire(role instanceof String s ? s : null).orElseThrow(() ->
                    new InvalidRequestException("privileges: role must be one of admin, write, read, helpdesk, "
                            + "installer"));
            Object org = m.get("org_id");
            String orgId = org == null ? defaultOrg : org.toString();
            if (!orgId.equals(defaultOrg)) {
                throw new InvalidRequestException("privileges: org_id must be this org (" + defaultOrg + ")");
            }
            if (byOrg.put(orgId, new Privilege(orgId, r)) != null) {
                throw new InvalidRequestException("privileges: one entry per org");
            }
        }
        return List.copyOf(byOrg.values());
    }

    /** Parses stored JSON text; entries with an unknown role are skipped (fail closed). */
    public static List<Privilege> parse(String json) {
        List<Privilege> out = new ArrayList<>();
        if (json == null || json.isBlank()) {
            return out;
        }
        if (!(JsonText.parse(json) instanceof List<?> list)) {
            return out;
        }
        for (Object o : list) {
            if (o instanceof Map<?, ?> m && Privilege.SCOPE_ORG.equals(m.get("scope"))
                    && m.get("org_id") instanceof String org && m.get("role") instanceof String role) {
                ApiRole.fromWire(role).ifPresent(r -> out.add(new Privilege(org, r)));
            }
        }
        return out;
    }

    public static String write(List<Privilege> privileges) {
        return JsonText.write(toJson(privileges, Map.of()));
    }

    /** The contract's shape; {@code orgNames} adds {@code org_name} and {@code name} where known. */
    public static List<Map<String, Object>> toJson(List<Privilege> privileges, Map<String, String> orgNames) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Privilege p : privileges) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("scope", Privilege.SCOPE_ORG);
            m.put("org_id", p.orgId());
            String name = orgNames.get(p.orgId());
            if (name != null) {
                m.put("org_name", name);
                m.put("name", name);
            }
            m.put("role", p.role().wire());
            out.add(m);
        }
        return out;
    }

    public static Map<String, ApiRole> byOrg(List<Privilege> privileges) {
        Map<String, ApiRole> out = new LinkedHashMap<>();
        privileges.forEach(p -> out.put(p.orgId(), p.role()));
        return out;
    }
}
