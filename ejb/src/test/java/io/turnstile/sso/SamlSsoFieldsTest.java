package io.turnstile.sso;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.turnstile.platform.InvalidRequestException;

/** A saml {@code ssos} entry: every field read into the engine's config, and each bad field a precise 400. */
class SamlSsoFieldsTest {

    static Map<String, Object> valid() {
        Map<String, Object> f = new HashMap<>();
        f.put("name", "kc");
        f.put("idp_type", "saml");
        f.put("issuer", "https://idp.example/realms/x");
        f.put("idp_cert", SamlResponseValidatorTest.IDP.certPem());
        return f;
    }

    static String message(Map<String, Object> f) {
        return assertThrows(InvalidRequestException.class, () -> SamlSsoFields.validate(f)).getMessage();
    }

    @Test
    void everyFieldReachesTheConfig() {
        Map<String, Object> f = valid();
        f.put("idp_sign_algo", "sha512");
        f.put("idp_sso_url", "https://idp.example/sso");
        f.put("custom_logout_url", "https://intranet.example/bye");
        f.put("nameid_format", "unspecified");
        f.put("role_attr_from", "groups");
        f.put("role_attr_extraction", "cn");
        f.put("default_role", "reader");
        f.put("ignore_unmatched_roles", true);
        f.put("email_domains", List.of("Corp.Example"));
        f.put("saml_clock_skew", 120);
        f.put("saml_keep_assertions", true);
        f.put("disabled", true);
        SamlSsoConfig c = SamlSsoFields.config("o", "s", "dom123", f);
        assertEquals(SamlSsoConfig.SignAlgo.SHA512, c.idpSignAlgo());
        assertEquals("https://idp.example/sso", c.idpSsoUrl());
        assertEquals("https://intranet.example/bye", c.customLogoutUrl());
        assertEquals(SamlSsoConfig.NameIdFormat.UNSPECIFIED, c.nameIdFormat());
        assertEquals("groups", c.roleAttrFrom());
        assertEquals(SamlSsoConfig.RoleExtraction.CN, c.roleAttrExtraction());
        assertEquals("reader", c.defaultRole());
        assertTrue(c.ignoreUnmatchedRoles());
        assertTrue(c.coversEmail("bob@corp.example"));
        assertEquals(Duration.ofSeconds(120), c.clockSkew());
        assertTrue(c.keepAssertions());
        assertTrue(c.disabled());
        assertEquals(SamlSsoConfig.SignAlgo.SHA256, SamlSsoFields.config("o", "s", "d", valid()).idpSignAlgo());
        assertFalse(SamlSsoFields.config("o", "s", "d", valid()).disabled(), "enabled unless disabled: true");
    }

    @Test
    void badFieldsAreNamed() {
        Map<String, Object> f = valid();
        f.remove("issuer");
        assertTrue(message(f).startsWith("issuer is required"));
        f = valid();
        f.put("idp_cert", "not a certificate");
        assertTrue(message(f).startsWith("idp_cert is not an X.509 certificate"));
        f = valid();
        f.put("idp_sso_url", "javascript:alert(1)");
        assertTrue(message(f).startsWith("idp_sso_url must be"));
        f = valid();
        f.put("custom_logout_url", "/relative");
        assertTrue(message(f).startsWith("custom_logout_url must be"));
        f = valid();
        f.put("role_attr_extraction", "uid");
        assertTrue(message(f).startsWith("role_attr_extraction"));
        f = valid();
        f.put("idp_sign_algo", "sha1");
        assertTrue(message(f).contains("saml_allow_sha1"));
        f.put("saml_allow_sha1", true);
        SamlSsoFields.validate(f);
        f = valid();
        f.put("email_domains", List.of("corp example"));
        assertTrue(message(f).startsWith("email_domains"));
        f = valid();
        f.put("saml_clock_skew", 301);
        assertTrue(message(f).startsWith("saml_clock_skew"));
    }
}
