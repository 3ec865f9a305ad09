package io.turnstile.policy;

import io.turnstile.platform.InvalidRequestException;
import io.turnstile.radius.codec.RadiusAttribute;
import io.turnstile.radius.codec.RadiusDictionary;
import io.turnstile.radius.codec.Rfc2865;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Labels and rules from and to the contract's JSON shapes ({@code nac_tag}, {@code nac_rule}), with the validation of
 * one document on its own (field types, enums, ranges, attribute syntax against the dictionary). References between
 * documents (label ids, conflicting VLANs) are checked when the whole policy is compiled ({@link PolicyCompiler}).
 * Every refusal is an {@link InvalidRequestException} naming the field.
 */
public final class PolicyDocuments {

    /** Label names: the contract says only minLength 1; Turnstile keeps them short enough for events and consoles. */
    public static final int MAX_TAG_NAME = 32;
    public static final int MAX_RULE_NAME = 64;
    public static final int MIN_SESSION_TIMEOUT = 3600;
    public static final int MAX_SESSION_TIMEOUT = 604800;
    static final int MAX_VALUES = 10_000;

    private static final Set<String> READ_ONLY = Set.of("id", "org_id", "created_time", "modified_time", "for_site",
            "site_id", "hits");
    private static final Set<String> TAG_FIELDS = Set.of("name", "type", "match", "values", "match_all", "vlan",
            "egress_vlan_names", "gbp_tag", "radius_attrs", "radius_vendor_attrs", "radius_group", "session_timeout",
            "username_attr", "nacportal_id", "allow_usermac_override");
    private static final Set<String> RULE_FIELDS = Set.of("name", "order", "enabled", "action", "matching",
            "not_matching", "apply_tags", "guest_auth_state", "dryrun");
    private static final Set<String> MATCHING_FIELDS = Set.of("auth_type", "port_types", "site_ids", "nactags",
            "family", "mfg", "model", "os_type", "vendor", "sitegroup_ids");
    private static final Set<String> UNSUPPORTED_MATCHING = Set.of("family", "mfg", "model", "os_type", "vendor",
            "sitegroup_ids");

    /** Which field of a label carries the value of each non-match type. */
    private static final Map<NacTagType, String> VALUE_FIELD = Map.of(
            NacTagType.VLAN, "vlan", NacTagType.EGRESS_VLAN_NAMES, "egress_vlan_names",
            NacTagType.GBP_TAG, "gbp_tag", NacTagType.RADIUS_ATTRS, "radius_attrs",
            NacTagType.RADIUS_VENDOR_ATTRS, "radius_vendor_attrs", NacTagType.RADIUS_GROUP, "radius_group",
            NacTagType.SESSION_TIMEOUT, "session_timeout", NacTagType.USERNAME_ATTR, "username_attr",
            NacTagType.REDIRECT_NACPORTAL_ID, "nacportal_id");

    /** A VLAN name as switches accept it (Cisco/Juniper VLAN names), or a VLAN id. */
    private static final Pattern VLAN_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,31}");
    private static final Pattern UUID = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final Set<String> MDM_STATUSES = Set.of("compliant", "non_compliant", "unknown");

    private PolicyDocuments() {
    }

    // ------------------------------------------------------------------ labels

    /**
     * A label from a request body. With {@code existing} (PUT) the body's top-level fields replace the stored ones and
     * the others stay; a field set to null is removed.
     */
    public static NacTag tag(Map<String, Object> body, NacTag existing, String id, String orgId, long now) {
        if (body == null) {
            throw new InvalidRequestException("a JSON object is required");
        }
        Map<String, Object> merged = new LinkedHashMap<>(existing == null ? Map.of() : tagToMap(existing));
        for (var e : body.entrySet()) {
            if (READ_ONLY.contains(e.getKey())) {
                continue;
            }
            if (!TAG_FIELDS.contains(e.getKey())) {
                throw new InvalidRequestException("unknown field '" + e.getKey() + "' of nactag");
            }
            if (e.getValue() == null) {
                merged.remove(e.getKey());
            } else {
                merged.put(e.getKey(), e.getValue());
            }
        }
        String name = string(merged, "name", true);
        if (name.isBlank() || name.length() > MAX_TAG_NAME) {
            throw new InvalidRequestException("name: 1 to " + MAX_TAG_NAME + " characters");
        }
        String typeName = string(merged, "type", true);
        NacTagType type = NacTagType.of(typeName).orElseThrow(() -> new InvalidRequestException(
                "type: '" + typeName + "' is not one of " + names(NacTagType.values())));
        if (existing != null && existing.type() != type && body.containsKey("type")
                && !body.containsKey(VALUE_FIELD.getOrDefault(type, "values"))) {
            // changing the type without the new type's value would keep a stale field: say what is missing
            throw new InvalidRequestException("type: changing to " + type.contractName() + " needs '"
                    + VALUE_FIELD.getOrDefault(type, "values") + "'");
        }
        for (String field : TAG_FIELDS) {
            if (merged.containsKey(field) && !belongs(field, type)) {
                throw new InvalidRequestException(field + ": not a field of a label of type " + type.contractName());
            }
        }
        boolean override = bool(merged, "allow_usermac_override", false);
        TagMatch match = null;
        List<String> values = List.of();
        boolean matchAll = false;
        String vlan = null;
        List<String> egress = List.of();
        String gbp = null;
        List<String> attrs = List.of();
        List<String> vendorAttrs = List.of();
        String group = null;
        Integer timeout = null;
        UsernameAttr usernameAttr = null;
        String portal = null;
        switch (type) {
            case MATCH -> {
                String m = string(merged, "match", true);
                match = TagMatch.of(m).orElseThrow(() -> new InvalidRequestException(
                        "match: '" + m + "' is not one of " + names(TagMatch.values())));
                if (!match.supported()) {
                    throw new InvalidRequestException("match: " + m + " is not supported (Turnstile has no EDR facts)");
                }
                values = strings(merged, "values", true);
                if (values.isEmpty()) {
                    throw new InvalidRequestException("values: at least one value is required");
                }
                for (int i = 0; i < values.size(); i++) {
                    String problem = ValueMatcher.problem(match, values.get(i));
                    if (problem != null) {
                        throw new InvalidRequestException("values[" + i + "]: " + problem);
                    }
                }
                matchAll = bool(merged, "match_all", false);
            }
            case VLAN -> {
                vlan = string(merged, "vlan", true).trim();
                if (!validVlan(vlan)) {
                    throw new InvalidRequestException("vlan: a VLAN id 1..4094 or a name of up to 32 letters, digits,"
                            + " '.', '_', '-': '" + vlan + "'");
                }
            }
            case EGRESS_VLAN_NAMES -> {
                egress = strings(merged, "egress_vlan_names", true);
                if (egress.isEmpty()) {
                    throw new InvalidRequestException("egress_vlan_names: at least one name is required");
                }
                for (String e : egress) {
                    // RFC 4675 §2.3: the first character says tagged ('1') or untagged ('2'), then the VLAN name
                    if (e.length() < 2 || (e.charAt(0) != '1' && e.charAt(0) != '2') || e.length() > 253) {
                        throw new InvalidRequestException("egress_vlan_names: '" + e + "' must start with 1 (tagged) or"
                                + " 2 (untagged) followed by the VLAN name (RFC 4675 §2.3)");
                    }
                }
            }
            case GBP_TAG -> {
                Object g = merged.get("gbp_tag");
                int value;
                try {
                    value = g instanceof Number n ? Math.toIntExact(n.longValue())
                            : Integer.parseInt(String.valueOf(g).trim());
                } catch (NumberFormatException | ArithmeticException e) {
                    value = -1;
                }
                if (g == null || value < 1 || value > 65535 || (g instanceof Number n && n.doubleValue() != value)) {
                    throw new InvalidRequestException("gbp_tag: an integer 1..65535 is required");
                }
                gbp = Integer.toString(value);
            }
            case RADIUS_ATTRS -> attrs = attributes(merged, "radius_attrs", false);
            case RADIUS_VENDOR_ATTRS -> vendorAttrs = attributes(merged, "radius_vendor_attrs", true);
            case RADIUS_GROUP -> {
                group = string(merged, "radius_group", true).trim();
                if (group.isEmpty() || group.length() > 64) {
                    throw new InvalidRequestException("radius_group: 1 to 64 characters");
                }
            }
            case SESSION_TIMEOUT -> {
                Object t = merged.get("session_timeout");
                if (!(t instanceof Number n) || n.doubleValue() != Math.rint(n.doubleValue())
                        || n.doubleValue() < MIN_SESSION_TIMEOUT || n.doubleValue() > MAX_SESSION_TIMEOUT) {
                    throw new InvalidRequestException("session_timeout: an integer number of seconds "
                            + MIN_SESSION_TIMEOUT + ".." + MAX_SESSION_TIMEOUT + " is required");
                }
                timeout = n.intValue();
            }
            case USERNAME_ATTR -> {
                String u = string(merged, "username_attr", true);
                usernameAttr = UsernameAttr.of(u).orElseThrow(() -> new InvalidRequestException(
                        "username_attr: '" + u + "' is not one of " + names(UsernameAttr.values())));
            }
            case REDIRECT_NACPORTAL_ID -> {
                portal = string(merged, "nacportal_id", true);
                if (!UUID.matcher(portal).matches()) {
                    throw new InvalidRequestException("nacportal_id: a UUID is required");
                }
            }
        }
        long created = existing == null ? now : existing.createdTime();
        return new NacTag(id, orgId, name, type, match, values, matchAll, vlan, egress, gbp, attrs, vendorAttrs,
                group, timeout, usernameAttr, portal, override, created, now);
    }

    private static boolean belongs(String field, NacTagType type) {
        return switch (field) {
            case "name", "type", "allow_usermac_override" -> true;
            case "match", "values", "match_all" -> type == NacTagType.MATCH;
            default -> field.equals(VALUE_FIELD.get(type));
        };
    }

    static boolean validVlan(String vlan) {
        if (vlan.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return vlan.length() <= 4 && Integer.parseInt(vlan) >= 1 && Integer.parseInt(vlan) <= 4094;
        }
        return VLAN_NAME.matcher(vlan).matches();
    }

    /** Parses each assignment against the standard dictionary, so a typo is refused now rather than at the NAS. */
    private static List<String> attributes(Map<String, Object> m, String field, boolean vendor) {
        List<String> list = strings(m, field, true);
        if (list.isEmpty()) {
            throw new InvalidRequestException(field + ": at least one attribute is required");
        }
        for (String text : list) {
            parseAttribute(field, text, vendor);
        }
        return list;
    }

    static RadiusAttribute parseAttribute(String field, String text, boolean vendor) {
        RadiusAttribute a;
        try {
            a = RadiusDictionary.standard().parseAssignment(text);
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException(field + ": '" + text + "': " + e.getMessage());
        }
        if (vendor != (a.type() == Rfc2865.VENDOR_SPECIFIC)) {
            throw new InvalidRequestException(field + ": '" + text + "' is " + (vendor ? "a standard" : "a vendor")
                    + " attribute; put it in " + (vendor ? "radius_attrs" : "radius_vendor_attrs"));
        }
        return a;
    }

    public static Map<String, Object> tagToMap(NacTag t) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", t.id());
        m.put("org_id", t.orgId());
        m.put("name", t.name());
        m.put("type", t.type().contractName());
        if (t.type() == NacTagType.MATCH) {
            m.put("match", t.match().contractName());
            m.put("values", t.values());
            m.put("match_all", t.matchAll());
        }
        m.put("vlan", t.vlan());
        m.put("egress_vlan_names", t.egressVlanNames().isEmpty() ? null : t.egressVlanNames());
        m.put("gbp_tag", t.gbpTag() == null ? null : Integer.parseInt(t.gbpTag()));
        m.put("radius_attrs", t.radiusAttrs().isEmpty() ? null : t.radiusAttrs());
        m.put("radius_vendor_attrs", t.radiusVendorAttrs().isEmpty() ? null : t.radiusVendorAttrs());
        m.put("radius_group", t.radiusGroup());
        m.put("session_timeout", t.sessionTimeout());
        m.put("username_attr", t.usernameAttr() == null ? null : t.usernameAttr().contractName());
        m.put("nacportal_id", t.nacportalId());
        m.put("allow_usermac_override", t.allowUsermacOverride());
        m.put("created_time", t.createdTime() / 1000);
        m.put("modified_time", t.modifiedTime() / 1000);
        m.values().removeIf(java.util.Objects::isNull);
        return m;
    }

    // ------------------------------------------------------------------ rules

    /** A rule from a request body; with {@code existing} (PUT) the body's top-level fields replace the stored ones. */
    public static NacRule rule(Map<String, Object> body, NacRule existing, String id, String orgId, long now) {
        if (body == null) {
            throw new InvalidRequestException("a JSON object is required");
        }
        Map<String, Object> merged = new LinkedHashMap<>(existing == null ? Map.of() : ruleToMap(existing));
        for (var e : body.entrySet()) {
            if (READ_ONLY.contains(e.getKey())) {
                continue;
            }
            if (!RULE_FIELDS.contains(e.getKey())) {
                throw new InvalidRequestException("unknown field '" + e.getKey() + "' of nacrule");
            }
            if (e.getValue() == null) {
                merged.remove(e.getKey());
            } else {
                merged.put(e.getKey(), e.getValue());
            }
        }
        String name = string(merged, "name", true).trim();
        if (name.isEmpty() || name.length() > MAX_RULE_NAME) {
            throw new InvalidRequestException("name: 1 to " + MAX_RULE_NAME + " characters");
        }
        String a = string(merged, "action", true);
        NacRule.Action action = switch (a) {
            case "allow" -> NacRule.Action.ALLOW;
            case "block" -> NacRule.Action.BLOCK;
            default -> throw new InvalidRequestException("action: '" + a + "' is not one of allow, block");
        };
        int order = 0;
        if (merged.get("order") != null) {
            if (!(merged.get("order") instanceof Number n) || n.doubleValue() != Math.rint(n.doubleValue())
                    || n.doubleValue() < 0 || n.doubleValue() > Integer.MAX_VALUE) {
                throw new InvalidRequestException("order: an integer >= 0 is required");
            }
            order = n.intValue();
        }
        if (merged.get("guest_auth_state") != null) {
            throw new InvalidRequestException("guest_auth_state: not supported (Turnstile has no guest portal)");
        }
        List<String> apply = strings(merged, "apply_tags", false);
        if (action == NacRule.Action.BLOCK && !apply.isEmpty()) {
            throw new InvalidRequestException("apply_tags: a block rule answers Access-Reject, which carries no"
                    + " authorization attributes");
        }
        long created = existing == null ? now : existing.createdTime();
        return new NacRule(id, orgId, name, order, bool(merged, "enabled", true), action,
                conditions(merged, "matching"), conditions(merged, "not_matching"), apply,
                bool(merged, "dryrun", false), created, now);
    }

    @SuppressWarnings("unchecked")
    private static RuleConditions conditions(Map<String, Object> m, String field) {
        Object o = m.get(field);
        if (o == null) {
            return RuleConditions.NONE;
        }
        if (!(o instanceof Map<?, ?> raw)) {
            throw new InvalidRequestException(field + ": a JSON object is required");
        }
        Map<String, Object> c = (Map<String, Object>) raw;
        for (var e : c.entrySet()) {
            if (!MATCHING_FIELDS.contains(e.getKey())) {
                throw new InvalidRequestException(field + ": unknown field '" + e.getKey() + "'");
            }
            if (UNSUPPORTED_MATCHING.contains(e.getKey()) && e.getValue() != null
                    && !(e.getValue() instanceof List<?> l && l.isEmpty())) {
                throw new InvalidRequestException(field + "." + e.getKey() + ": not supported (Turnstile has no"
                        + " device fingerprints or site groups)");
            }
        }
        AuthType authType = null;
        if (c.get("auth_type") != null) {
            String t = String.valueOf(c.get("auth_type"));
            authType = java.util.Arrays.stream(AuthType.values()).filter(x -> x.contractName().equals(t)).findFirst()
                    .orElseThrow(() -> new InvalidRequestException(field + ".auth_type: '" + t + "' is not one of "
                            + java.util.Arrays.stream(AuthType.values()).map(AuthType::contractName).toList()));
        }
        List<PortType> ports = new ArrayList<>();
        for (String p : strings(c, "port_types", false)) {
            ports.add(switch (p) {
                case "wired" -> PortType.WIRED;
                case "wireless" -> PortType.WIRELESS;
                default -> throw new InvalidRequestException(field + ".port_types: '" + p
                        + "' is not one of wired, wireless");
            });
        }
        List<String> sites = strings(c, "site_ids", false);
        for (String s : sites) {
            if (!UUID.matcher(s).matches()) {
                throw new InvalidRequestException(field + ".site_ids: '" + s + "' is not a UUID");
            }
        }
        return new RuleConditions(authType, ports, sites.stream().map(s -> s.toLowerCase(Locale.ROOT)).toList(),
                strings(c, "nactags", false));
    }

    public static Map<String, Object> ruleToMap(NacRule r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", r.id());
        m.put("org_id", r.orgId());
        m.put("name", r.name());
        m.put("order", r.order());
        m.put("enabled", r.enabled());
        m.put("action", r.action().contractName());
        m.put("matching", conditionsToMap(r.matching()));
        m.put("not_matching", conditionsToMap(r.notMatching()));
        m.put("apply_tags", r.applyTags());
        m.put("dryrun", r.dryrun() ? Boolean.TRUE : null);
        m.put("created_time", r.createdTime() / 1000);
        m.put("modified_time", r.modifiedTime() / 1000);
        m.values().removeIf(java.util.Objects::isNull);
        return m;
    }

    private static Map<String, Object> conditionsToMap(RuleConditions c) {
        Map<String, Object> m = new LinkedHashMap<>();
        if (c.authType() != null) {
            m.put("auth_type", c.authType().contractName());
        }
        if (!c.portTypes().isEmpty()) {
            m.put("port_types", c.portTypes().stream().map(PortType::contractName).toList());
        }
        if (!c.siteIds().isEmpty()) {
            m.put("site_ids", c.siteIds());
        }
        if (!c.nactags().isEmpty()) {
            m.put("nactags", c.nactags());
        }
        return m;
    }

    // ------------------------------------------------------------------ helpers

    private static String string(Map<String, Object> m, String field, boolean required) {
        Object o = m.get(field);
        if (o == null) {
            if (required) {
                throw new InvalidRequestException(field + ": required");
            }
            return null;
        }
        if (!(o instanceof String s)) {
            throw new InvalidRequestException(field + ": a string is required");
        }
        return s;
    }

    private static boolean bool(Map<String, Object> m, String field, boolean dflt) {
        Object o = m.get(field);
        if (o == null) {
            return dflt;
        }
        if (!(o instanceof Boolean b)) {
            throw new InvalidRequestException(field + ": true or false is required");
        }
        return b;
    }

    private static List<String> strings(Map<String, Object> m, String field, boolean required) {
        Object o = m.get(field);
        if (o == null) {
            if (required) {
                throw new InvalidRequestException(field + ": required");
            }
            return List.of();
        }
        if (!(o instanceof List<?> list)) {
            throw new InvalidRequestException(field + ": a list of strings is required");
        }
        if (list.size() > MAX_VALUES) {
            throw new InvalidRequestException(field + ": at most " + MAX_VALUES + " entries");
        }
        List<String> out = new ArrayList<>(list.size());
        for (Object v : list) {
            if (!(v instanceof String s) || s.isBlank()) {
                throw new InvalidRequestException(field + ": every entry must be a non-empty string");
            }
            out.add(s);
        }
        return out;
    }

    private static List<String> names(Enum<?>[] values) {
        List<String> out = new ArrayList<>();
        for (Enum<?> v : values) {
            out.add(v instanceof NacTagType t ? t.contractName() : v instanceof TagMatch t ? t.contractName()
                    : v instanceof UsernameAttr u ? u.contractName() : v.name());
        }
        return out;
    }
}
