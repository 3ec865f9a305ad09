package io.turnstile.identity;

import io.turnstile.platform.InvalidRequestException;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SsoDocumentTest {

    @Test
    void newEntryDefaultsToSamlAndIgnoresServerOwnedFields() {
        Map<String, Object> f = SsoDocument.merge(Map.of(), Map.of("name", "admins", "id", "x", "domain", "d",
                "created_time", 1));
        assertEquals(Map.of("name", "admins", "idp_type", "saml"), f);
    }

    @Test
    void maskedSecretKeepsTheStoredOne() {
        Map<String, Object> stored = Map.of("name", "dir", "idp_type", "ldap", "ldap_bind_password", "s3cret");
        Map<String, Object> f = SsoDocument.merge(stored, Map.of("ldap_bind_password", SsoDocument.MASK,
                "name", "renamed"));
        assertEquals("s3cret", f.get("ldap_bind_password"));
        assertEquals("renamed", f.get("name"));
        Map<String, Object> changed = SsoDocument.merge(stored, Map.of("ldap_bind_password", "new"));
        assertEquals("new", changed.get("ldap_bind_password"));
    }

    @Test
    void maskWithoutStoredSecretIsRefused() {
        assertThrows(InvalidRequestException.class, () -> SsoDocument.merge(Map.of(),
                Map.of("name", "n", "ldap_bind_password", SsoDocument.MASK)));
    }

    @Test
    void nullRemovesAField() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("issuer", null);
        assertFalse(SsoDocument.merge(Map.of("name", "n", "issuer", "i"), body).containsKey("issuer"));
    }

    @Test
    void typesEnumsAndUnknownFieldsAreChecked() {
        assertEquals("ldap_resolve_groups must be true or false", assertThrows(InvalidRequestException.class,
                () -> SsoDocument.merge(Map.of(), Map.of("name", "n", "ldap_resolve_groups", "yes"))).getMessage());
        assertTrue(assertThrows(InvalidRequestException.class,
                () -> SsoDocument.merge(Map.of(), Map.of("name", "n", "idp_type", "kerberos"))).getMessage()
                .startsWith("idp_type must be one of"));
        assertEquals("ldap_server_hosts must be a list of strings", assertThrows(InvalidRequestException.class,
                () -> SsoDocument.merge(Map.of(), Map.of("name", "n", "ldap_server_hosts", List.of(1)))).getMessage());
        assertEquals("colour is not a field of sso", assertThrows(InvalidRequestException.class,
                () -> SsoDocument.merge(Map.of(), Map.of("name", "n", "colour", "red"))).getMessage());
        assertEquals("name is required", assertThrows(InvalidRequestException.class,
                () -> SsoDocument.merge(Map.of(), Map.of("idp_type", "oauth"))).getMessage());
        assertThrows(InvalidRequestException.class, () -> SsoDocument.merge(Map.of(),
                Map.of("name", "n", "idp_type", "openroaming", "openroaming", Map.of())));
    }

    @Test
    void secretsIncludingMxedgeServerSecretsAreMapped() {
        Map<String, Object> f = Map.of("name", "n", "oauth_cc_client_secret", "a", "issuer", "i",
                "mxedge_proxy", Map.of("auth_servers", List.of(Map.of("host", "h", "secret", "b"))));
        Map<String, Object> masked = SsoDocument.mapSecrets(f, s -> SsoDocument.MASK);
        assertEquals(SsoDocument.MASK, masked.get("oauth_cc_client_secret"));
        assertEquals("i", masked.get("issuer"));
        @SuppressWarnings("unchecked")
        var server = ((List<Map<String, Object>>) ((Map<String, Object>) masked.get("mxedge_proxy"))
                .get("auth_servers")).get(0);
        assertEquals(SsoDocument.MASK, server.get("secret"));
        assertEquals("h", server.get("host"));
    }

    @Test
    void maskedMxedgeServerSecretKeepsTheStoredOne() {
        Map<String, Object> stored = Map.of("name", "n", "idp_type", "mxedge_proxy",
                "mxedge_proxy", Map.of("auth_servers", List.of(Map.of("host", "h", "secret", "b"))));
        Map<String, Object> f = SsoDocument.merge(stored, Map.of("mxedge_proxy", Map.of("auth_servers",
                List.of(Map.of("host", "h2", "secret", SsoDocument.MASK)))));
        @SuppressWarnings("unchecked")
        var server = ((List<Map<String, Object>>) ((Map<String, Object>) f.get("mxedge_proxy"))
                .get("auth_servers")).get(0);
        assertEquals("b", server.get("secret"));
        assertEquals("h2", server.get("host"));
    }
}
