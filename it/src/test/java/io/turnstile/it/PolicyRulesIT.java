package io.turnstile.it;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.turnstile.it.TurnstileUnderTest.delete;
import static io.turnstile.it.TurnstileUnderTest.get;
import static io.turnstile.it.TurnstileUnderTest.waitForEvent;
import static io.turnstile.it.TurnstileUnderTest.post;
import static io.turnstile.it.TurnstileUnderTest.put;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The auth policy engine end to end: a realistic enterprise rule table (labels and rules through the REST API), then
 * real radclient MAB requests whose replies, events and hit counts must follow the rules. The org's rules and labels
 * are removed afterwards, so the other integration tests see the implicit default rule again.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PolicyRulesIT {

    static final String HUE = "001788aabb01";
    static final String ADMIN = "0200000000aa";
    static final String PRINTER = "001b2c3d5e01";
    static final String CAMERA = "001b2c3d5e02";
    static final String QUARANTINED = "001b2c3d5e03";
    static final String QUARANTINED_PRINTER = "001b2c3d5e04";
    static final String LAB = "1122aa000001";
    static final String UNKNOWN = "001b2c3d5eff";

    static String org;
    static final Map<String, String> tags = new LinkedHashMap<>();
    static final Map<String, String> rules = new LinkedHashMap<>();
    static final List<String> usermacs = new ArrayList<>();

    @BeforeAll
    static void setUp() {
        assumeTrue(TurnstileUnderTest.enabled(), "integration tests run through ./turnstile test");
        org = TurnstileUnderTest.ensureRadiusClients();
        usermac(HUE, "hue-hub", null, null, "iot");
        usermac(PRINTER, "printer-7", "130", "printers", "printer");
        usermac(CAMERA, "cam-1", null, null, "camera");
        usermac(QUARANTINED, "old-laptop", null, null, "quarantine");
        usermac(QUARANTINED_PRINTER, "printer-8", "131", "printers", "printer\", \"quarantine");

        tag("mdm-compliant", "{\"type\": \"match\", \"match\": \"mdm_status\", \"values\": [\"compliant\"]}");
        tag("contractor-ca", "{\"type\": \"match\", \"match\": \"cert_issuer\", \"values\": [\"CN=Contractor CA*\"]}");
        tag("staff-group", "{\"type\": \"match\", \"match\": \"idp_role\", \"values\": [\"Staff\"]}");
        tag("quarantine", "{\"type\": \"match\", \"match\": \"usermac_label\", \"values\": [\"quarantine\"]}");
        tag("hue-oui", "{\"type\": \"match\", \"match\": \"client_mac\", \"values\": [\"00:17:88\"]}");
        tag("iot-ssid", "{\"type\": \"match\", \"match\": \"ssid\", \"values\": [\"Corp-IoT,Corp-Things\"]}");
        tag("admin-station", "{\"type\": \"match\", \"match\": \"client_mac\", \"values\": [\"02-00-00-00-00-AA\"]}");
        tag("printer", "{\"type\": \"match\", \"match\": \"usermac_label\", \"values\": [\"printer\"]}");
        tag("camera", "{\"type\": \"match\", \"match\": \"usermac_label\", \"values\": [\"camera\"]}");
        tag("lab-macs", "{\"type\": \"match\", \"match\": \"client_mac\", \"values\": [\"11-22-AA*\"]}");
        tag("guest-ssid", "{\"type\": \"match\", \"match\": \"ssid\", \"values\": [\"Guest\"]}");
        tag("lab-nas", "{\"type\": \"match\", \"match\": \"nas_ip\", \"values\": [\"192.0.2.0/24\"]}");
        tag("employee-vlan", "{\"type\": \"vlan\", \"vlan\": \"Employees\"}");
        tag("contractor-vlan", "{\"type\": \"vlan\", \"vlan\": \"20\"}");
        tag("iot-vlan", "{\"type\": \"vlan\", \"vlan\": \"300\"}");
        tag("own-vlan", "{\"type\": \"vlan\", \"vlan\": \"100\", \"allow_usermac_override\": true}");
        tag("own-role", "{\"type\": \"radius_group\", \"radius_group\": \"default-printers\","
                + " \"allow_usermac_override\": true}");
        tag("endpoint-name", "{\"type\": \"username_attr\", \"username_attr\": \"automatic\","
                + " \"allow_usermac_override\": true}");
        tag("camera-vlan", "{\"type\": \"vlan\", \"vlan\": \"400\"}");
        tag("lab-vlan", "{\"type\": \"vlan\", \"vlan\": \"55\"}");
        tag("guest-vlan", "{\"type\": \"vlan\", \"vlan\": \"900\"}");
        tag("legacy-vlan", "{\"type\": \"vlan\", \"vlan\": \"999\"}");
        tag("shift", "{\"type\": \"session_timeout\", \"session_timeout\": 28800}");
        tag("iot-gbp", "{\"type\": \"gbp_tag\", \"gbp_tag\": 100}");
        tag("cli-superuser", "{\"type\": \"radius_vendor_attrs\", \"radius_vendor_attrs\":"
                + " [\"Cisco-AVPair=shell:priv-lvl=15\"]}");
        tag("idle-600", "{\"type\": \"radius_attrs\", \"radius_attrs\": [\"Idle-Timeout=600\"]}");
        tag("egress", "{\"type\": \"egress_vlan_names\", \"egress_vlan_names\": [\"1voice\"]}");

        rule("Compliant TLS devices -> Employee VLAN", 1, "allow", "{\"auth_type\": \"eap-tls\", \"nactags\": "
                + ids("mdm-compliant") + "}", null, ids("employee-vlan", "shift"), "");
        rule("Contractors by issuing CA", 2, "allow", "{\"auth_type\": \"eap-tls\", \"nactags\": "
                + ids("contractor-ca") + "}", null, ids("contractor-vlan"), "");
        rule("Staff via TTLS directory group", 3, "allow", "{\"auth_type\": \"eap-ttls\", \"nactags\": "
                + ids("staff-group") + "}", null, ids("employee-vlan"), "");
        rule("Quarantined endpoints", 5, "block", "{\"nactags\": " + ids("quarantine") + "}", null, "[]", "");
        rule("Philips Hue hubs by OUI -> IoT VLAN", 10, "allow", "{\"auth_type\": \"mab\", \"nactags\": "
                + ids("hue-oui", "iot-ssid") + "}", null, ids("iot-vlan", "iot-gbp"), "");
        rule("Cisco CLI superuser", 20, "allow", "{\"nactags\": " + ids("admin-station") + "}", null,
                ids("cli-superuser", "idle-600"), "");
        rule("Printers keep their own VLAN", 30, "allow", "{\"nactags\": " + ids("printer") + "}", null,
                ids("own-vlan", "own-role", "endpoint-name", "egress"), "");
        rule("Cameras wired only", 40, "allow", "{\"port_types\": [\"wired\"], \"nactags\": " + ids("camera") + "}",
                null, ids("camera-vlan"), "");
        rule("Cameras elsewhere blocked", 45, "block", "{\"nactags\": " + ids("camera") + "}", null, "[]", "");
        rule("Lab MACs (dry run)", 50, "block", "{\"nactags\": " + ids("lab-macs") + "}", null, "[]",
                ", \"dryrun\": true");
        rule("Lab MACs -> Lab VLAN", 55, "allow", "{\"nactags\": " + ids("lab-macs") + "}",
                "{\"port_types\": [\"wired\"]}", ids("lab-vlan"), "");
        rule("Legacy catch-all", 60, "allow", "{}", null, ids("legacy-vlan"), ", \"enabled\": false");
        rule("Guest SSID", 70, "allow", "{\"nactags\": " + ids("guest-ssid") + "}", null, ids("guest-vlan"), "");
        rule("Lab NAS", 80, "allow", "{\"nactags\": " + ids("lab-nas") + "}", null, ids("lab-vlan"), "");
        rule("EAP without a label", 90, "block", "{\"auth_type\": \"eap-peap\"}", null, "[]", "");
    }

    @AfterAll
    static void tearDown() {
        if (org == null) {
            return;
        }
        rules.values().forEach(id -> delete("/api/v1/orgs/" + org + "/nacrules/" + id));
        tags.values().forEach(id -> delete("/api/v1/orgs/" + org + "/nactags/" + id));
        usermacs.forEach(id -> delete("/api/v1/orgs/" + org + "/usermacs/" + id));
    }

    @Test
    @Order(1)
    void theRuleTableGivesEachClientItsVlanAndRole() {
        var hue = Radclient.auth(Radclient.mab(HUE));
        assertTrue(hue.accepted(), hue.output());
        assertTrue(hue.has("Tunnel-Private-Group-Id", "\"300\""), hue.output());
        assertTrue(hue.output().contains("cts:security-group-tag=0064-00"), hue.output());

        var admin = Radclient.auth(Radclient.mab(ADMIN));
        assertTrue(admin.accepted(), admin.output());
        assertTrue(admin.output().contains("shell:priv-lvl=15"), admin.output());
        assertTrue(admin.has("Idle-Timeout", "600"), admin.output());
        assertFalse(admin.output().contains("Tunnel-Private-Group-Id"), admin.output());

        var printer = Radclient.auth(Radclient.mab(PRINTER));
        assertTrue(printer.accepted(), printer.output());
        assertTrue(printer.has("Tunnel-Private-Group-Id", "\"130\""), printer.output());
        assertTrue(printer.has("Filter-Id", "\"printers\""), printer.output());
        assertTrue(printer.has("User-Name", "\"printer-7\""), printer.output());
        assertTrue(printer.has("Egress-VLAN-Name", "\"1voice\""), printer.output());

        var cameraWireless = Radclient.auth(Radclient.mab(CAMERA));
        assertTrue(cameraWireless.rejected(), cameraWireless.output());
        var cameraWired = Radclient.auth(wired(CAMERA));
        assertTrue(cameraWired.accepted(), cameraWired.output());
        assertTrue(cameraWired.has("Tunnel-Private-Group-Id", "\"400\""), cameraWired.output());

        assertTrue(Radclient.auth(Radclient.mab(QUARANTINED)).rejected());
        assertTrue(Radclient.auth(Radclient.mab(QUARANTINED_PRINTER)).rejected());

        var lab = Radclient.auth(Radclient.mab(LAB));
        assertTrue(lab.accepted(), lab.output());
        assertTrue(lab.has("Tunnel-Private-Group-Id", "\"55\""), lab.output());
        assertTrue(Radclient.auth(wired(LAB)).rejected(), "not_matching port_types wired excludes the lab rule");

        assertTrue(Radclient.auth(Radclient.mab(UNKNOWN)).rejected());
    }

    @Test
    @Order(2)
    void eventsRecordTheRuleTheReplyAndTheDryRun() throws InterruptedException {
        JsonObject hue = waitForEvent(org, HUE, "NAC_CLIENT_PERMIT");
        assertEquals(rules.get("Philips Hue hubs by OUI -> IoT VLAN"), hue.getString("nacrule_id"));
        assertEquals("Philips Hue hubs by OUI -> IoT VLAN", hue.getString("nacrule_name"));
        assertTrue(hue.getBoolean("nacrule_matched"));
        assertEquals("nactag", hue.getString("vlan_source"));
        assertTrue(hue.getJsonArray("resp_attrs").toString().contains("Tunnel-Private-Group-Id"), hue.toString());

        JsonObject lab = waitForEvent(org, LAB, "NAC_CLIENT_PERMIT");
        assertEquals(rules.get("Lab MACs (dry run)"), lab.getString("dryrun_nacrule_id"), lab.toString());
        assertTrue(lab.getBoolean("dryrun_nacrule_matched"));
        assertEquals(rules.get("Lab MACs -> Lab VLAN"), lab.getString("nacrule_id"));

        JsonObject unknown = waitForEvent(org, UNKNOWN, "NAC_CLIENT_DENY");
        assertFalse(unknown.getBoolean("nacrule_matched"), unknown.toString());
        assertEquals("no enabled rule matched", unknown.getString("reason"), unknown.toString());

        JsonObject blocked = waitForEvent(org, QUARANTINED, "NAC_CLIENT_DENY");
        assertEquals(rules.get("Quarantined endpoints"), blocked.getString("nacrule_id"));

        var clients = get("/api/v1/orgs/" + org + "/nac_clients/search?mac=" + HUE + "&duration=1h");
        assertEquals(200, clients.status(), clients.body());
        JsonObject client = clients.json().getJsonArray("results").getJsonObject(0);
        assertTrue(client.toString().contains(rules.get("Philips Hue hubs by OUI -> IoT VLAN")), client.toString());
    }

    @Test
    @Order(3)
    void hitCountsFollowTheTraffic() throws InterruptedException {
        String hueRule = rules.get("Philips Hue hubs by OUI -> IoT VLAN");
        assertTrue(Radclient.auth(Radclient.mab(HUE)).accepted());
        // two hue requests so far (test 1 and here); counted from stored events, which are written in the background
        long hits = -1;
        for (int i = 0; i < 40 && hits != 2; i++) {
            hits = ruleJson(hueRule).getJsonObject("hits").getJsonNumber("last_60m").longValue();
            if (hits != 2) {
                Thread.sleep(250);
            }
        }
        assertEquals(2, hits);
        JsonObject h = ruleJson(hueRule).getJsonObject("hits");
        assertEquals(2, h.getJsonNumber("today").longValue() + h.getJsonNumber("yesterday").longValue());
        assertEquals(2, h.getJsonNumber("last_7d").longValue());
        assertEquals(0, ruleJson(rules.get("Guest SSID")).getJsonObject("hits").getJsonNumber("last_24h").longValue());
        var custom = get("/api/v1/orgs/" + org + "/nacrules?hits_start=-1h&hits_end=now");
        assertEquals(200, custom.status(), custom.body());
        assertTrue(custom.body().contains("\"custom\""), custom.body());
    }

    @Test
    @Order(4)
    void reorderingRulesChangesTheOutcome() {
        assertTrue(Radclient.auth(Radclient.mab(QUARANTINED_PRINTER)).rejected());
        var moved = put("/api/v1/orgs/" + org + "/nacrules/" + rules.get("Printers keep their own VLAN"),
                "{\"order\": 4}");
        assertEquals(200, moved.status(), moved.body());
        var now = Radclient.auth(Radclient.mab(QUARANTINED_PRINTER));
        assertTrue(now.accepted(), now.output());
        assertTrue(now.has("Tunnel-Private-Group-Id", "\"131\""), now.output());
        put("/api/v1/orgs/" + org + "/nacrules/" + rules.get("Printers keep their own VLAN"), "{\"order\": 30}");
        assertTrue(Radclient.auth(Radclient.mab(QUARANTINED_PRINTER)).rejected());
    }

    @Test
    @Order(5)
    void aDisabledRuleIsSkippedUntilEnabled() {
        String legacy = rules.get("Legacy catch-all");
        assertTrue(Radclient.auth(Radclient.mab(UNKNOWN)).rejected());
        assertEquals(200, put("/api/v1/orgs/" + org + "/nacrules/" + legacy, "{\"enabled\": true}").status());
        var on = Radclient.auth(Radclient.mab(UNKNOWN));
        assertTrue(on.accepted(), on.output());
        assertTrue(on.has("Tunnel-Private-Group-Id", "\"999\""), on.output());
        assertEquals(200, put("/api/v1/orgs/" + org + "/nacrules/" + legacy, "{\"enabled\": false}").status());
        assertTrue(Radclient.auth(Radclient.mab(UNKNOWN)).rejected());
    }

    @Test
    @Order(6)
    void invalidChangesAreRefusedWithAPrecise400AndChangeNothing() {
        String base = "/api/v1/orgs/" + org;
        var unknownTag = post(base + "/nacrules", "{\"name\": \"x\", \"action\": \"allow\","
                + " \"matching\": {\"nactags\": [\"00000000-0000-4000-8000-00000000dead\"]}}");
        assertEquals(400, unknownTag.status(), unknownTag.body());
        assertTrue(unknownTag.json().getString("detail").contains("no nactag with id"), unknownTag.body());
        var conflict = post(base + "/nacrules", "{\"name\": \"x\", \"action\": \"allow\", \"apply_tags\": "
                + ids("iot-vlan", "camera-vlan") + "}");
        assertEquals(400, conflict.status(), conflict.body());
        assertTrue(conflict.json().getString("detail").contains("conflicting VLAN"), conflict.body());
        var wrongType = post(base + "/nacrules", "{\"name\": \"x\", \"action\": \"allow\", \"order\": \"first\"}");
        assertEquals(400, wrongType.status(), wrongType.body());
        assertTrue(wrongType.json().getString("detail").startsWith("order"), wrongType.body());
        var timeout = post(base + "/nactags", "{\"name\": \"t\", \"type\": \"session_timeout\","
                + " \"session_timeout\": 60}");
        assertEquals(400, timeout.status(), timeout.body());
        var attr = post(base + "/nactags", "{\"name\": \"t\", \"type\": \"radius_vendor_attrs\","
                + " \"radius_vendor_attrs\": [\"Cisco-AVPairs=x\"]}");
        assertEquals(400, attr.status(), attr.body());
        var inUse = delete(base + "/nactags/" + tags.get("iot-vlan"));
        assertEquals(400, inUse.status(), inUse.body());
        assertTrue(inUse.json().getString("detail").contains("Philips Hue"), inUse.body());
        var retype = put(base + "/nactags/" + tags.get("iot-vlan"), "{\"type\": \"match\", \"match\": \"ssid\","
                + " \"values\": [\"x\"], \"vlan\": null}");
        assertEquals(400, retype.status(), retype.body());
        assertEquals(15, get(base + "/nacrules").array().size());
        assertTrue(Radclient.auth(Radclient.mab(HUE)).accepted(), "the policy still works after refusals");
    }

    @Test
    @Order(7)
    void thePolicyTestExplainsEveryEarlierRule() {
        var r = post("/api/v1/orgs/" + org + "/nacrules/test", """
                {"auth_type": "eap-ttls", "port_type": "wireless", "username": "jo@corp.example",
                 "idp_role": ["Staff"], "nas_vendor": "aruba", "mac": "00:1b:2c:3d:5e:99"}""");
        assertEquals(200, r.status(), r.body());
        JsonObject x = r.json();
        assertEquals("allow", x.getString("decision"));
        assertEquals(rules.get("Staff via TTLS directory group"), x.getString("nacrule_id"));
        assertTrue(x.getJsonArray("resp_attrs").toString().contains("Aruba-Named-User-Vlan"), x.toString());
        var trace = x.getJsonArray("rules");
        assertEquals(3, trace.size(), trace.toString());
        assertTrue(trace.getJsonObject(0).getString("failed_condition").startsWith("matching.auth_type"));
        assertEquals("matched", trace.getJsonObject(2).getString("outcome"));

        var block = post("/api/v1/orgs/" + org + "/nacrules/test", "{\"mac\": \"" + CAMERA
                + "\", \"port_type\": \"wireless\"}");
        assertEquals("block", block.json().getString("decision"), block.body());
        var bad = post("/api/v1/orgs/" + org + "/nacrules/test", "{\"colour\": \"blue\"}");
        assertEquals(400, bad.status(), bad.body());
        var openapi = TurnstileUnderTest.call("GET", "/openapi", null, "application/json", null);
        assertTrue(openapi.body().contains("testOrgNacRules"), "served OpenAPI documents the policy test");
    }

    // ---------------------------------------------------------------- helpers


    static String wired(String mac) {
        return Radclient.mab(mac).replace("NAS-Port-Type = Wireless-802.11", "NAS-Port-Type = Ethernet");
    }

    static JsonObject ruleJson(String id) {
        var list = get("/api/v1/orgs/" + org + "/nacrules");
        assertEquals(200, list.status(), list.body());
        for (JsonValue v : list.array()) {
            if (v.asJsonObject().getString("id").equals(id)) {
                return v.asJsonObject();
            }
        }
        throw new AssertionError("rule " + id + " not listed");
    }

    static void usermac(String mac, String name, String vlan, String role, String labels) {
        var r = post("/api/v1/orgs/" + org + "/usermacs", "{\"mac\": \"" + mac + "\", \"name\": \"" + name + "\""
                + (vlan == null ? "" : ", \"vlan\": \"" + vlan + "\"") + (role == null ? "" : ", \"role\": \""
                + role + "\"") + ", \"labels\": [\"" + labels + "\"]}");
        assertEquals(200, r.status(), r.body());
        usermacs.add(r.json().getString("id"));
    }

    static void tag(String name, String json) {
        var r = post("/api/v1/orgs/" + org + "/nactags", json.replaceFirst("\\{", "{\"name\": \"" + name + "\", "));
        assertEquals(200, r.status(), r.body());
        tags.put(name, r.json().getString("id"));
    }

    static String ids(String... names) {
        List<String> out = new ArrayList<>();
        for (String n : names) {
            out.add("\"" + tags.get(n) + "\"");
        }
        return out.toString();
    }

    static void rule(String name, int order, String action, String matching, String notMatching, String apply,
                     String extra) {
        var r = post("/api/v1/orgs/" + org + "/nacrules", "{\"name\": \"" + name + "\", \"order\": " + order
                + ", \"action\": \"" + action + "\", \"matching\": " + matching
                + (notMatching == null ? "" : ", \"not_matching\": " + notMatching)
                + ", \"apply_tags\": " + apply + extra + "}");
        assertEquals(200, r.status(), r.body());
        rules.put(name, r.json().getString("id"));
    }
}
