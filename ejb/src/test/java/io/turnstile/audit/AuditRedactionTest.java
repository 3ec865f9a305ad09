package io.turnstile.audit;

import io.turnstile.nas.MistNac;
import io.turnstile.nas.NacClientIp;
import io.turnstile.platform.JsonText;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

class AuditRedactionTest {

    record Token(String name, String key, Instant createdTime, List<String> srcIps) {
    }

    @Test
    void recordsBecomeSnakeCaseMapsWithSecretsRedacted() {
        Map<String, Object> doc = AuditRedaction.document(new Token("ci", "abcdefSECRETKEY",
                Instant.ofEpochSecond(1_700_000_000), List.of("10.0.0.0/8")));
        assertEquals("ci", doc.get("name"));
        assertEquals(AuditRedaction.REDACTED, doc.get("key"));
        assertEquals(1_700_000_000L, doc.get("created_time"));
        assertEquals(List.of("10.0.0.0/8"), doc.get("src_ips"));
    }

    @Test
    void nestedSecretsAreRedactedWherever_theyAre() {
        Map<String, Object> setting = Map.of("radsec", Map.of("enabled", true),
                "mist_nac", Map.of("idps", List.of(Map.of("ldap_bind_password", "hunter22", "host", "ldap"))),
                "shared_secret", "s3cr3t", "password", "pw");
        String json = JsonText.write(AuditRedaction.document(setting));
        assertFalse(json.contains("hunter22"), json);
        assertFalse(json.contains("s3cr3t"), json);
        assertFalse(json.contains("\"pw\""), json);
        assertEquals(true, ((Map<?, ?>) AuditRedaction.document(setting).get("radsec")).get("enabled"));
    }

    @Test
    void anMxclustersRadiusSecretsNeverReachTheLog() {
        MistNac nac = new MistNac(true, "cluster-secret", null, null,
                Map.of("10.1.0.0/16", new NacClientIp("client-secret", "aruba", null, false)));
        String json = JsonText.write(AuditRedaction.document(Map.of("mist_nac", nac)));
        assertFalse(json.contains("cluster-secret"), json);
        assertFalse(json.contains("client-secret"), json);
        assertFalse(json.contains("require_message_authenticator\":\"" + AuditRedaction.REDACTED), json);
    }

    @Test
    void theContractsSettingSecretsAreRedactedButPoliciesAndNamesAreNot() {
        Map<String, Object> setting = Map.of(
                "password_policy", Map.of("enabled", true, "min_length", 12L),
                "jcloud", Map.of("org_apitoken", "jc-token-value", "org_apitoken_name", "jc"),
                "ssr", Map.of("conductor_token", "ssr-token-value"),
                "celona", Map.of("api_key", "celona-key-value"),
                "device_cert", Map.of("cert", "PEM", "key", "key-pem-value"));
        String json = JsonText.write(AuditRedaction.document(setting));
        for (String secret : new String[]{"jc-token-value", "ssr-token-value", "celona-key-value", "key-pem-value"}) {
            assertFalse(json.contains(secret), secret + " in " + json);
        }
        Map<String, Object> doc = AuditRedaction.document(setting);
        assertEquals(12L, ((Map<?, ?>) doc.get("password_policy")).get("min_length"));
        assertEquals("jc", ((Map<?, ?>) doc.get("jcloud")).get("org_apitoken_name"));
    }

    @Test
    void nullStaysNull() {
        assertNull(AuditRedaction.document(null));
        assertEquals(Map.of("value", 3L), AuditRedaction.document(3L));
    }
}
