package io.turnstile.api.policy;

import io.turnstile.api.ApiError;
import io.turnstile.endpoints.MacAddress;
import io.turnstile.policy.AccessRequestFacts;
import io.turnstile.policy.AuthType;
import io.turnstile.policy.CertificateFacts;
import io.turnstile.policy.PolicyDecision;
import io.turnstile.policy.PolicyEngine;
import io.turnstile.policy.PortType;
import io.turnstile.policy.ReplyRenderer;
import io.turnstile.radius.codec.RadiusDictionary;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The policy test endpoint's request (facts) and response shapes. */
public final class PolicyTestJson {

    private static final Set<String> FIELDS = Set.of("auth_type", "port_type", "site_id", "mac", "username",
            "idp_username", "nas_ip", "nas_vendor", "ssid", "realm", "idp_role", "mdm_status", "ingress_vlan",
            "hostname", "cert");
    private static final Set<String> CERT_FIELDS = Set.of("cn", "san_upn", "san_email", "san_dns", "serial",
            "issuer", "subject", "eku", "template");

    private PolicyTestJson() {
    }

    public static AccessRequestFacts facts(String orgId, Map<String, Object> m) {
        for (String k : m.keySet()) {
            if (!FIELDS.contains(k)) {
                throw ApiError.badRequest("unknown fact '" + k + "' (known: " + FIELDS + ")");
            }
        }
        String auth = str(m, "auth_type");
        AuthType authType = auth == null ? AuthType.MAB : Arrays.stream(AuthType.values())
                .filter(a -> a.contractName().equals(auth)).findFirst()
                .orElseThrow(() -> ApiError.badRequest("auth_type: unknown '" + auth + "'"));
        String port = str(m, "port_type");
        PortType portType = port == null ? PortType.UNKNOWN : switch (port) {
            case "wired" -> PortType.WIRED;
            case "wireless" -> PortType.WIRELESS;
            default -> throw ApiError.badRequest("port_type: wired or wireless");
        };
        MacAddress mac = null;
        if (str(m, "mac") != null) {
            mac = MacAddress.parse(str(m, "mac")).orElseThrow(() -> ApiError.badRequest("mac: not a MAC address"));
        }
        Integer ingress = null;
        if (m.get("ingress_vlan") != null) {
            if (!(m.get("ingress_vlan") instanceof Number n)) {
                throw ApiError.badRequest("ingress_vlan: a number is required");
            }
            ingress = n.intValue();
        }
        CertificateFacts cert = null;
        if (m.get("cert") != null) {
            if (!(m.get("cert") instanceof Map<?, ?> raw)) {
                throw ApiError.badRequest("cert: an object is required");
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> c = (Map<String, Object>) raw;
            for (String k : c.keySet()) {
                if (!CERT_FIELDS.contains(k)) {
                    throw ApiError.badRequest("unknown cert fact '" + k + "' (known: " + CERT_FIELDS + ")");
                }
            }
            cert = new CertificateFacts(str(c, "cn"), list(c, "san_upn"), list(c, "san_email"), list(c, "san_dns"),
                    str(c, "serial"), str(c, "issuer"), str(c, "subject"), list(c, "eku"), str(c, "template"), null);
        }
        String username = str(m, "username");
        if (username == null && authType == AuthType.MAB && mac != null) {
            username = mac.compact();
        }
        String siteId = str(m, "site_id");
        return new AccessRequestFacts(orgId, siteId, authType, username, mac, str(m, "nas_ip"), null,
                str(m, "nas_vendor"), portType, str(m, "ssid"), null, str(m, "realm"), ingress, cert,
                list(m, "idp_role"), str(m, "mdm_status"), str(m, "hostname"), str(m, "idp_username"));
    }

    public static Map<String, Object> result(PolicyEngine.Explanation x, String nasVendor) {
        PolicyDecision d = x.decision();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("decision", d.allow() ? "allow" : d.nacruleId() != null ? "block" : "reject");
        out.put("nacrule_id", d.nacruleId());
        out.put("nacrule_name", d.nacruleName());
        out.put("nacrule_matched", d.nacruleMatched());
        out.put("reason", d.reason());
        out.put("vlan", d.vlan());
        out.put("vlan_source", d.vlanSource());
        out.put("role", d.role());
        out.put("username", d.userName());
        out.put("usermac_label", d.labels().isEmpty() ? null : d.labels());
        RadiusDictionary dictionary = RadiusDictionary.standard();
        out.put("resp_attrs", d.allow() ? ReplyRenderer.acceptAttributes(d, nasVendor).stream()
                .map(dictionary::format).toList() : List.of());
        out.put("dryrun_nacrule_id", d.dryrunNacruleId());
        out.put("dryrun_nacrule_matched", d.dryrunMatched());
        List<Map<String, Object>> rules = new ArrayList<>();
        for (PolicyEngine.RuleTrace t : x.rules()) {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("id", t.nacruleId());
            r.put("name", t.name());
            r.put("order", t.order());
            r.put("outcome", t.outcome());
            r.put("failed_condition", t.failedCondition());
            rules.add(r);
        }
        out.put("rules", rules);
        return out;
    }

    private static String str(Map<String, Object> m, String k) {
        Object o = m.get(k);
        if (o == null) {
            return null;
        }
        if (!(o instanceof String s)) {
            throw ApiError.badRequest(k + ": a string is required");
        }
        return s;
    }

    private static List<String> list(Map<String, Object> m, String k) {
        Object o = m.get(k);
        if (o == null) {
            return List.of();
        }
        if (!(o instanceof List<?> l) || !l.stream().allMatch(v -> v instanceof String)) {
            throw ApiError.badRequest(k + ": a list of strings is required");
        }
        return l.stream().map(String::valueOf).toList();
    }
}
