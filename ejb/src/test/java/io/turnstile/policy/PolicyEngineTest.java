package io.turnstile.policy;

import io.turnstile.platform.InvalidRequestException;
import io.turnstile.radius.codec.RadiusDictionary;
import io.turnstile.radius.codec.RadiusPacket;
import io.turnstile.radius.codec.Rfc2865;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.turnstile.policy.PolicyFixtures.ORG;
import static io.turnstile.policy.PolicyFixtures.endpoint;
import static io.turnstile.policy.PolicyFixtures.mab;
import static io.turnstile.policy.PolicyFixtures.rule;
import static io.turnstile.policy.PolicyFixtures.tag;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PolicyEngineTest {

    private final List<NacTag> tags = List.of(
            tag("hue", """
                    {"name": "Philips Hue", "type": "match", "match": "client_mac", "values": ["00:17:88"]}"""),
            tag("wild", """
                    {"name": "Lab wildcard", "type": "match", "match": "client_mac", "values": ["11-22-AA*"]}"""),
            tag("corp-ssid", """
                    {"name": "Corp SSIDs", "type": "match", "match": "ssid", "values": ["Corp-IoT,Corp-Staff"]}"""),
            tag("printers", """
                    {"name": "Printers", "type": "match", "match": "usermac_label", "values": ["printer", "it"],
                     "match_all": true}"""),
            tag("iot-vlan", """
                    {"name": "IoT VLAN", "type": "vlan", "vlan": "300"}"""),
            tag("own-vlan", """
                    {"name": "Own VLAN", "type": "vlan", "vlan": "200", "allow_usermac_override": true}"""),
            tag("other-vlan", """
                    {"name": "Other VLAN", "type": "vlan", "vlan": "301"}"""),
            tag("cisco-admin", """
                    {"name": "Cisco superuser", "type": "radius_vendor_attrs",
                     "radius_vendor_attrs": ["Cisco-AVPair=shell:priv-lvl=15"]}"""),
            tag("idle", """
                    {"name": "Idle 600", "type": "radius_attrs", "radius_attrs": ["Idle-Timeout=600"]}"""),
            tag("day", """
                    {"name": "One day", "type": "session_timeout", "session_timeout": 86400}"""));

    @Test
    void withoutRulesTheImplicitDefaultAllowsKnownEndpointsOnly() {
        PolicySnapshot empty = PolicySnapshot.empty(ORG, 0);
        var known = endpoint("00:1b:2c:3d:4e:01", "printer-1", "120", "printers", List.of());
        PolicyDecision d = PolicyEngine.decide(empty, mab("001b2c3d4e01", PortType.WIRED, null), known);
        assertTrue(d.allow());
        assertEquals("120", d.vlan());
        assertEquals("printer-1", d.userName());
        assertFalse(PolicyEngine.decide(empty, mab("001b2c3d4eff", PortType.WIRED, null), null).allow());
        var eap = mab("001b2c3d4eff", PortType.WIRED, null).withAuthType(AuthType.EAP_TLS);
        PolicyDecision e = PolicyEngine.decide(empty, eap, null);
        assertTrue(e.allow());
        assertNull(e.vlan());
    }

    @Test
    void firstMatchingEnabledRuleDecidesAndRendersItsLabels() {
        PolicySnapshot p = PolicyCompiler.compile(ORG, 1, tags, List.of(
                rule("off", 1, """
                        {"name": "Disabled catch-all", "action": "block", "order": 0, "enabled": false}"""),
                rule("hue", 2, """
                        {"name": "Hue to IoT", "action": "allow", "order": 1,
                         "matching": {"auth_type": "mab", "nactags": ["hue", "corp-ssid"]},
                         "apply_tags": ["iot-vlan", "idle", "day", "cisco-admin"]}"""),
                rule("rest", 3, """
                        {"name": "Block the rest", "action": "block", "order": 9}""")));
        PolicyDecision d = PolicyEngine.decide(p, mab("00-17-88-01-02-03", PortType.WIRELESS, "corp-staff"), null);
        assertTrue(d.allow());
        assertEquals("hue", d.nacruleId());
        assertEquals("300", d.vlan());
        var attrs = ReplyRenderer.acceptAttributes(d, "cisco-ios");
        var formatted = attrs.stream().map(RadiusDictionary.standard()::format).toList();
        assertTrue(formatted.contains("Cisco-AVPair = \"shell:priv-lvl=15\"") || formatted.stream()
                .anyMatch(s -> s.contains("shell:priv-lvl=15")), formatted.toString());
        var packet = new RadiusPacket(2, 1, new byte[16], attrs);
        assertEquals(86400, packet.first(Rfc2865.SESSION_TIMEOUT).orElseThrow().intValue());
        assertEquals(600, packet.first(28).orElseThrow().intValue());

        PolicyDecision other = PolicyEngine.decide(p, mab("00-17-89-01-02-03", PortType.WIRELESS, "Corp-IoT"), null);
        assertFalse(other.allow());
        assertEquals("rest", other.nacruleId());
    }

    @Test
    void endpointOverridesWhereTheLabelAllowsAndMatchAllNeedsEveryLabel() {
        PolicySnapshot p = PolicyCompiler.compile(ORG, 1, tags, List.of(rule("r", 1, """
                {"name": "Printers", "action": "allow", "matching": {"nactags": ["printers"]},
                 "apply_tags": ["own-vlan"]}""")));
        var both = endpoint("00:1b:2c:3d:4e:01", "p", "120", null, List.of("printer", "it"));
        var one = endpoint("00:1b:2c:3d:4e:01", "p", "120", null, List.of("printer"));
        var noVlan = endpoint("00:1b:2c:3d:4e:01", "p", null, null, List.of("it", "printer", "x"));
        var facts = mab("001b2c3d4e01", PortType.WIRED, null);
        PolicyDecision d = PolicyEngine.decide(p, facts, both);
        assertEquals("120", d.vlan());
        assertEquals("usermac", d.vlanSource());
        assertFalse(PolicyEngine.decide(p, facts, one).allow());
        assertEquals("200", PolicyEngine.decide(p, facts, noVlan).vlan());
    }

    @Test
    void explanationNamesTheFirstFailedConditionOfEveryEarlierRule() {
        PolicySnapshot p = PolicyCompiler.compile(ORG, 1, tags, List.of(
                rule("a", 1, """
                        {"name": "TLS only", "action": "allow", "order": 1, "matching": {"auth_type": "eap-tls"}}"""),
                rule("b", 2, """
                        {"name": "Wired Hue", "action": "allow", "order": 2,
                         "matching": {"port_types": ["wired"], "nactags": ["hue"]}}"""),
                rule("c", 3, """
                        {"name": "Lab", "action": "allow", "order": 3, "matching": {"nactags": ["wild"]},
                         "not_matching": {"port_types": ["wireless"]}}"""),
                rule("d", 4, """
                        {"name": "Dry", "action": "block", "order": 4, "dryrun": true}"""),
                rule("e", 5, """
                        {"name": "Last", "action": "allow", "order": 5}""")));
        var x = PolicyEngine.explain(p, mab("11:22:aa:00:00:01", PortType.WIRELESS, null), null);
        assertEquals("e", x.decision().nacruleId());
        assertEquals("d", x.decision().dryrunNacruleId());
        assertEquals(Boolean.TRUE, x.decision().dryrunMatched());
        assertEquals(5, x.rules().size());
        assertTrue(x.rules().get(0).failedCondition().startsWith("matching.auth_type"), x.toString());
        assertTrue(x.rules().get(1).failedCondition().startsWith("matching.port_types"), x.toString());
        assertTrue(x.rules().get(2).failedCondition().startsWith("not_matching.port_types"), x.toString());
        assertEquals("dryrun_matched", x.rules().get(3).outcome());
        assertEquals("matched", x.rules().get(4).outcome());
    }

    @Test
    void noMatchingRuleIsARejectSayingSo() {
        PolicySnapshot p = PolicyCompiler.compile(ORG, 1, tags, List.of(rule("a", 1, """
                {"name": "TLS only", "action": "allow", "matching": {"auth_type": "eap-tls"}}""")));
        PolicyDecision d = PolicyEngine.decide(p, mab("001b2c3d4e01", PortType.WIRED, null), null);
        assertFalse(d.allow());
        assertEquals(Boolean.FALSE, d.nacruleMatched());
        assertEquals("no enabled rule matched", d.reason());
    }

    @Test
    void compilerRefusesUnknownLabelsWrongKindsAndConflictingVlans() {
        var unknown = assertThrows(InvalidRequestException.class, () -> PolicyCompiler.compile(ORG, 1, tags,
                List.of(rule("a", 1, """
                        {"name": "x", "action": "allow", "matching": {"nactags": ["nope"]}}"""))));
        assertTrue(unknown.getMessage().contains("matching.nactags: no nactag with id nope"), unknown.getMessage());
        var kind = assertThrows(InvalidRequestException.class, () -> PolicyCompiler.compile(ORG, 1, tags,
                List.of(rule("a", 1, """
                        {"name": "x", "action": "allow", "apply_tags": ["hue"]}"""))));
        assertTrue(kind.getMessage().contains("is a match label"), kind.getMessage());
        var conflict = assertThrows(InvalidRequestException.class, () -> PolicyCompiler.compile(ORG, 1, tags,
                List.of(rule("a", 1, """
                        {"name": "x", "action": "allow", "apply_tags": ["iot-vlan", "other-vlan"]}"""))));
        assertTrue(conflict.getMessage().contains("conflicting VLAN"), conflict.getMessage());
    }

    @Test
    void documentsRefuseBadValuesWithTheField() {
        assertBad("{\"name\": \"t\", \"type\": \"session_timeout\", \"session_timeout\": 60}", "session_timeout");
        assertBad("{\"name\": \"t\", \"type\": \"vlan\", \"vlan\": \"5000\"}", "vlan");
        assertBad("{\"name\": \"t\", \"type\": \"radius_attrs\", \"radius_attrs\": [\"No-Such-Attr=1\"]}",
                "radius_attrs");
        assertBad("{\"name\": \"t\", \"type\": \"radius_attrs\", \"radius_attrs\": [\"Cisco-AVPair=x\"]}",
                "radius_attrs: 'Cisco-AVPair=x' is a vendor attribute");
        assertBad("{\"name\": \"t\", \"type\": \"match\", \"match\": \"client_mac\", \"values\": [\"zz\"]}",
                "values[0]");
        assertBad("{\"name\": \"t\", \"type\": \"match\", \"match\": \"mdm_status\", \"values\": [\"ok\"]}",
                "values[0]");
        assertBad("{\"name\": \"" + "x".repeat(33) + "\", \"type\": \"vlan\", \"vlan\": \"10\"}", "name");
        assertBad("{\"name\": \"t\", \"type\": \"vlan\", \"vlan\": \"10\", \"values\": [\"a\"]}", "values");
        assertBad("{\"name\": \"t\", \"type\": \"match\", \"match\": \"edr_health\", \"values\": [\"a\"]}", "match");
    }

    private static void assertBad(String json, String field) {
        var e = assertThrows(InvalidRequestException.class, () -> tag("t", json));
        assertTrue(e.getMessage().startsWith(field), e.getMessage());
    }

    @Test
    void theRuleIndexGuardsRulesWithExactLabelsOnly() {
        PolicySnapshot p = PolicyCompiler.compile(ORG, 1, tags, List.of(
                rule("a", 1, """
                        {"name": "OUI", "action": "allow", "matching": {"nactags": ["hue"]}}"""),
                rule("b", 2, """
                        {"name": "SSID", "action": "allow", "matching": {"nactags": ["corp-ssid"]}}"""),
                rule("c", 3, """
                        {"name": "Wildcard", "action": "allow", "matching": {"nactags": ["wild"]}}"""),
                rule("d", 4, """
                        {"name": "All labels", "action": "allow", "matching": {"nactags": ["printers"]}}""")));
        assertEquals(3, p.index().guarded(), "the OUI, the SSIDs and the 6-digit MAC prefix; not match_all");
        assertEquals("c", PolicyEngine.decide(p, mab("11:22:aa:01:02:03", PortType.WIRED, "x"), null).nacruleId());
        assertEquals("a", PolicyEngine.decide(p, mab("00:17:88:01:02:03", PortType.WIRED, "x"), null).nacruleId());
        assertEquals("b", PolicyEngine.decide(p, mab("00:17:89:01:02:03", PortType.WIRED, "CORP-IOT"), null)
                .nacruleId());
    }

    @Test
    void valueMatchingCoversCertificateFactsAndNotations() {
        var cert = new CertificateFacts("laptop-7.corp.example", List.of("jo@corp.example"), List.of(),
                List.of("laptop-7.corp.example"), "00ab12", "CN=Corp CA", "CN=laptop-7", List.of("clientAuth"),
                "CorpMachine", null);
        var facts = mab("001b2c3d4e01", PortType.WIRED, null).withAuthType(AuthType.EAP_TLS).withCertificate(cert)
                .withIdentity("jo@corp.example", "corp.example", List.of("Staff", "VPN"));
        assertTrue(ValueMatcher.compile(TagMatch.CERT_CN, List.of("*.CORP.example"), false).matches(facts, null));
        assertTrue(ValueMatcher.compile(TagMatch.CERT_SERIAL, List.of("AB:12"), false).matches(facts, null));
        assertTrue(ValueMatcher.compile(TagMatch.CERT_SAN, List.of("jo@*"), false).matches(facts, null));
        assertTrue(ValueMatcher.compile(TagMatch.IDP_ROLE, List.of("staff", "vpn"), true).matches(facts, null));
        assertFalse(ValueMatcher.compile(TagMatch.IDP_ROLE, List.of("staff", "admins"), true).matches(facts, null));
        assertTrue(ValueMatcher.compile(TagMatch.CLIENT_MAC, List.of("001b.2c3d.4e01"), false).matches(facts, null));
        assertTrue(ValueMatcher.compile(TagMatch.NAS_IP, List.of("10.0.0.0/8"), false).matches(facts, null));
        assertFalse(ValueMatcher.compile(TagMatch.NAS_IP, List.of("10.0.1.0/24"), false).matches(facts, null));
        assertTrue(ValueMatcher.compile(TagMatch.REALM, List.of("corp.example"), false).matches(facts, null));
        assertFalse(ValueMatcher.compile(TagMatch.MDM_STATUS, List.of("compliant"), false).matches(facts, null));
        assertTrue(ValueMatcher.compile(TagMatch.MDM_STATUS, List.of("compliant"), false)
                .matches(facts.withMdmStatus("compliant"), null));
        assertTrue(ValueMatcher.compile(TagMatch.INGRESS_VLAN, List.of("0100"), false)
                .matches(facts.withIngressVlan(100), null));
    }
}
