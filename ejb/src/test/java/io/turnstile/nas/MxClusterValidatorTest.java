package io.turnstile.nas;

import io.turnstile.platform.InvalidRequestException;
import io.turnstile.platform.JsonText;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MxClusterValidatorTest {

    private static MxClusterDraft validate(String json) {
        return MxClusterValidator.validate(JsonText.parseObject(json), null);
    }

    private static String refused(String json) {
        return assertThrows(InvalidRequestException.class, () -> validate(json)).getMessage();
    }

    @Test
    void acceptsAContractBody() {
        MxClusterDraft d = validate("""
                {"name": "campus", "site_id": "441A1214-6928-442a-8e92-e1d34b8ec6a6",
                 "mist_nac": {"enabled": true, "secret": "testing123", "auth_server_port": 1812,
                              "acct_server_port": 1813,
                              "client_ips": {"10.0.0.0/8": {"vendor": "cisco-ios"},
                                             "2001:DB8::1": {"secret": "own", "require_message_authenticator": false,
                                                             "site_id": "72771e6a-6f5e-4de4-a5b9-1266c4197811"},
                                             "192.0.2.5/32": null}},
                 "radsec": {"enabled": true}, "tunterm_hosts": ["a"], "id": "ignored", "created_time": 1}
                """);
        assertEquals("campus", d.name());
        assertEquals("441a1214-6928-442a-8e92-e1d34b8ec6a6", d.siteId());
        MistNac nac = d.mistNac();
        assertTrue(nac.enabled());
        assertEquals("testing123", nac.secret());
        assertEquals(1812, nac.authServerPort());
        assertEquals(List.of("10.0.0.0/8", "2001:db8::1", "192.0.2.5"), List.copyOf(nac.clientIps().keySet()));
        assertEquals("cisco-ios", nac.clientIps().get("10.0.0.0/8").vendor());
        assertTrue(nac.clientIps().get("10.0.0.0/8").requiresMessageAuthenticator());
        assertNull(nac.clientIps().get("10.0.0.0/8").requireMessageAuthenticator());
        assertFalse(nac.clientIps().get("2001:db8::1").requiresMessageAuthenticator());
        assertEquals("own", nac.clientIps().get("2001:db8::1").secret());
        assertEquals(Map.of("radsec", Map.of("enabled", true), "tunterm_hosts", List.of("a")), d.extra());
        assertFalse(nac.toString().contains("testing123"));
    }

    @Test
    void acceptsTheTurnstileVendorExtensions() {
        validate("{\"mist_nac\": {\"secret\": \"s\", \"client_ips\": {\"10.0.0.1\": {\"vendor\": \"hpe\"},"
                + " \"10.0.0.2\": {\"vendor\": \"arista\"}}}}");
    }

    @Test
    void refusesBadClientKeys() {
        assertTrue(refused("{\"mist_nac\": {\"secret\": \"s\", \"client_ips\": {\"10.0.0.1/8\": {}}}}")
                .contains("host bits"));
        assertTrue(refused("{\"mist_nac\": {\"secret\": \"s\", \"client_ips\": {\"nas.example\": {}}}}")
                .contains("nas.example"));
        assertTrue(refused("{\"mist_nac\": {\"secret\": \"s\", \"client_ips\": {\"10.0.0.1\": {},"
                + " \"10.0.0.1/32\": {}}}}").contains("twice"));
    }

    @Test
    void refusesBadClientValues() {
        assertTrue(refused("{\"mist_nac\": {\"secret\": \"s\", \"client_ips\": {\"10.0.0.1\": {\"vendor\": \"cisco\"}}}}")
                .contains("vendor"));
        assertTrue(refused("{\"mist_nac\": {\"client_ips\": {\"10.0.0.1\": {}}}}").contains("no secret"));
        assertTrue(refused("{\"mist_nac\": {\"secret\": \"s\", \"client_ips\": {\"10.0.0.1\": {\"secret\": \"\"}}}}")
                .contains("1 to 128"));
        assertTrue(refused("{\"mist_nac\": {\"secret\": \"" + "x".repeat(129) + "\"}}").contains("1 to 128"));
        assertTrue(refused("{\"mist_nac\": {\"secret\": \"tab\\there\"}}").contains("printable"));
        assertTrue(refused("{\"mist_nac\": {\"secret\": 5}}").contains("string"));
        assertTrue(refused("{\"mist_nac\": {\"secret\": \"s\", \"client_ips\": {\"10.0.0.1\": "
                + "{\"require_message_authenticator\": \"yes\"}}}}").contains("true or false"));
        assertTrue(refused("{\"mist_nac\": {\"secret\": \"s\", \"client_ips\": {\"10.0.0.1\": "
                + "{\"require_message_authentication\": true}}}}").contains("not a known field"));
        assertTrue(refused("{\"mist_nac\": {\"secret\": \"s\", \"client_ips\": {\"10.0.0.1\": {\"site_id\": \"x\"}}}}")
                .contains("UUID"));
        assertTrue(refused("{\"mist_nac\": {\"secret\": \"s\", \"client_ips\": [\"10.0.0.1\"]}}")
                .contains("object"));
    }

    @Test
    void refusesBadClusterFields() {
        assertTrue(refused("{\"mist_nac\": {\"auth_server_port\": 70000}}").contains("port"));
        assertTrue(refused("{\"mist_nac\": {\"acct_server_port\": 1813.5}}").contains("port"));
        assertTrue(refused("{\"mist_nac\": {\"enabled\": \"true\"}}").contains("true or false"));
        assertTrue(refused("{\"mist_nac\": {\"enable\": true}}").contains("not a known field"));
        assertTrue(refused("{\"mist_nac\": true}").contains("object"));
        assertTrue(refused("{\"name\": 5}").contains("string"));
        assertTrue(refused("{\"site_id\": \"not-a-uuid\"}").contains("UUID"));
    }

    @Test
    void putMergesTopLevelFields() {
        MxCluster existing = new MxCluster("id", "org", "old", null,
                new MistNac(true, "s", 1812, null, Map.of("10.0.0.1", new NacClientIp(null, null, null, null))),
                Map.of("radsec", Map.of("enabled", true), "tunterm_hosts", List.of("a")), Instant.EPOCH, Instant.EPOCH);
        MxClusterDraft renamed = MxClusterValidator.validate(JsonText.parseObject(
                "{\"name\": \"new\", \"tunterm_hosts\": null, \"proxy\": {\"x\": 1}}"), existing);
        assertEquals("new", renamed.name());
        assertEquals(existing.mistNac(), renamed.mistNac(), "mist_nac kept when not given");
        assertEquals(Map.of("radsec", Map.of("enabled", true), "proxy", Map.of("x", 1L)), renamed.extra());
        MxClusterDraft cleared = MxClusterValidator.validate(JsonText.parseObject("{\"mist_nac\": null}"), existing);
        assertFalse(cleared.mistNac().enabled());
        assertTrue(cleared.mistNac().clientIps().isEmpty());
    }

    @Test
    void masksSentBackKeepTheStoredSecrets() {
        MxCluster existing = new MxCluster("c", "o", "edge", null, new MistNac(true, "cluster-secret", null, null,
                Map.of("10.0.0.1", new NacClientIp("own-secret", null, null, null))),
                Map.of("mxedge_mgmt", Map.of("root_password", "r00t")), Instant.EPOCH, Instant.EPOCH);
        MxClusterDraft d = MxClusterValidator.validate(JsonText.parseObject("""
                {"mist_nac": {"enabled": true, "secret": "********",
                              "client_ips": {"10.0.0.1": {"secret": "********"}}},
                 "mxedge_mgmt": {"root_password": "********", "fips_enabled": true}}"""), existing);
        assertEquals("cluster-secret", d.mistNac().secret());
        assertEquals("own-secret", d.mistNac().clientIps().get("10.0.0.1").secret());
        assertEquals(Map.of("root_password", "r00t", "fips_enabled", true), d.extra().get("mxedge_mgmt"));
    }

    @Test
    void aMaskForANewClientIsRefused() {
        assertTrue(refused("""
                {"mist_nac": {"enabled": true, "secret": "s", "client_ips": {"10.0.0.2": {"secret": "********"}}}}
                """).contains("stands for a stored secret"));
    }
}
