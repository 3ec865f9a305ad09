package io.turnstile.platform;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class SecretFieldsTest {

    private static final SecretFields FIELDS = SecretFields.of("mxedge_mgmt.root_password",
            "radsec.auth_servers[].secret", "mist_nac.client_ips.*.secret");

    private static final Map<String, Object> DOCUMENT = Map.of(
            "name", "edge",
            "mxedge_mgmt", Map.of("root_password", "r00t", "fips_enabled", false),
            "radsec", Map.of("auth_servers", List.of(Map.of("host", "10.0.0.1", "secret", "s1"),
                    Map.of("host", "10.0.0.2", "secret", "s2"))),
            "mist_nac", Map.of("client_ips", Map.of("10.1.0.0/16", Map.of("secret", "c1"), "10.2.0.1", Map.of())));

    @Test
    void masksEverySecretAndNothingElse() {
        Map<String, Object> masked = FIELDS.mask(DOCUMENT);
        assertEquals(Map.of(
                "name", "edge",
                "mxedge_mgmt", Map.of("root_password", SecretFields.MASK, "fips_enabled", false),
                "radsec", Map.of("auth_servers", List.of(Map.of("host", "10.0.0.1", "secret", SecretFields.MASK),
                        Map.of("host", "10.0.0.2", "secret", SecretFields.MASK))),
                "mist_nac", Map.of("client_ips", Map.of("10.1.0.0/16", Map.of("secret", SecretFields.MASK),
                        "10.2.0.1", Map.of()))), masked);
    }

    @Test
    void sealsAndOpensBackToTheSameDocument() {
        SecretBox box = new SecretBox(new byte[32], new java.security.SecureRandom());
        Map<String, Object> sealed = FIELDS.map(DOCUMENT, box::seal);
        @SuppressWarnings("unchecked")
        String root = ((Map<String, Object>) sealed.get("mxedge_mgmt")).get("root_password").toString();
        assertEquals(true, SecretBox.isSealed(root));
        assertEquals(DOCUMENT, FIELDS.map(sealed, box::open));
    }

    @Test
    void aMaskSentBackKeepsTheStoredSecretAtTheSamePlace() {
        Map<String, Object> change = Map.of("radsec", Map.of("auth_servers", List.of(
                Map.of("host", "10.0.0.1", "secret", SecretFields.MASK),
                Map.of("host", "10.0.0.9", "secret", "new"))));
        assertEquals(Map.of("radsec", Map.of("auth_servers", List.of(
                Map.of("host", "10.0.0.1", "secret", "s1"),
                Map.of("host", "10.0.0.9", "secret", "new")))), FIELDS.keepMasked(change, DOCUMENT));
    }

    @Test
    void aMaskWhereNothingIsStoredIsRefused() {
        Map<String, Object> change = Map.of("mist_nac", Map.of("client_ips",
                Map.of("10.2.0.1", Map.of("secret", SecretFields.MASK))));
        var e = assertThrows(InvalidRequestException.class, () -> FIELDS.keepMasked(change, DOCUMENT));
        assertEquals(true, e.getMessage().startsWith("mist_nac.client_ips.10.2.0.1.secret"), e.getMessage());
    }
}
