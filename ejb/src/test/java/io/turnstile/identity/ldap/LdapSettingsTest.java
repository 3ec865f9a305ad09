package io.turnstile.identity.ldap;

import io.turnstile.platform.InvalidRequestException;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import javax.security.auth.x500.X500Principal;
import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LdapSettingsTest {

    static String caPem;

    @BeforeAll
    static void makeCa() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
        g.initialize(256);
        KeyPair keys = g.generateKeyPair();
        X500Principal name = new X500Principal("CN=Test LDAP CA");
        Instant now = Instant.now();
        var builder = new JcaX509v3CertificateBuilder(name, BigInteger.ONE, Date.from(now),
                Date.from(now.plus(1, ChronoUnit.DAYS)), name, keys.getPublic());
        builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
        X509Certificate ca = new JcaX509CertificateConverter().getCertificate(
                builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(keys.getPrivate())));
        caPem = "-----BEGIN CERTIFICATE-----\n" + Base64.getMimeEncoder().encodeToString(ca.getEncoded())
                + "\n-----END CERTIFICATE-----\n";
    }

    static Map<String, Object> valid() {
        Map<String, Object> f = new HashMap<>();
        f.put("idp_type", "ldap");
        f.put("ldap_type", "custom");
        f.put("ldap_server_hosts", List.of("dc1.example", "dc2.example:3269"));
        f.put("ldap_cacerts", List.of(caPem));
        f.put("ldap_bind_dn", "cn=nas,ou=services,dc=example,dc=com");
        f.put("ldap_bind_password", "secret");
        f.put("ldap_base_dn", "dc=example,dc=com");
        f.put("ldap_user_filter", "(uid=%s)");
        return f;
    }

    @Test
    void validCustomEntryWithDefaults() {
        LdapSettings s = LdapSettings.parse(valid());
        assertEquals(List.of(new LdapServer("dc1.example", 636), new LdapServer("dc2.example", 3269)), s.servers());
        assertEquals(1, s.caCerts().size());
        assertEquals("memberOf", s.groupAttr());
        assertEquals("(member=%s)", s.memberFilter());
        assertEquals("dc=example,dc=com", s.groupBaseDn());
        assertFalse(s.resolveGroups());
        assertFalse(s.toString().contains("secret"), "toString leaves the password out");
    }

    @Test
    void contractDefaultGroupDnMeansTheBaseDn() {
        Map<String, Object> f = valid();
        f.put("ldap_group_dn", "base_dn");
        assertEquals("dc=example,dc=com", LdapSettings.parse(f).groupBaseDn());
        f.put("ldap_group_dn", "ou=groups,dc=example,dc=com");
        assertEquals("ou=groups,dc=example,dc=com", LdapSettings.parse(f).groupBaseDn());
    }

    @Test
    void vendorTypesHaveADefaultUserFilter() {
        Map<String, Object> f = valid();
        f.remove("ldap_user_filter");
        f.put("ldap_type", "okta");
        assertEquals("(uid=%s)", LdapSettings.parse(f).userFilter());
        f.remove("ldap_type");
        assertTrue(LdapSettings.parse(f).userFilter().contains("sAMAccountName=%s"), "azure is the default type");
        f.put("ldap_type", "custom");
        assertEquals("ldap_user_filter is required when ldap_type is custom",
                assertThrows(InvalidRequestException.class, () -> LdapSettings.parse(f)).getMessage());
    }

    @Test
    void requiredFieldsAndBadValuesNameTheField() {
        assertMessage("ldap_server_hosts is required", f -> f.remove("ldap_server_hosts"));
        assertMessage("ldap_cacerts is required", f -> f.remove("ldap_cacerts"));
        assertMessage("ldap_cacerts[0] is not", f -> f.put("ldap_cacerts", List.of("junk")));
        assertMessage("ldap_bind_password is required", f -> f.put("ldap_bind_password", ""));
        assertMessage("ldap_base_dn is not a valid DN", f -> f.put("ldap_base_dn", "not a dn"));
        assertMessage("ldap_bind_dn is required", f -> f.remove("ldap_bind_dn"));
        assertMessage("ldap_user_filter must contain %s", f -> f.put("ldap_user_filter", "(uid=alice)"));
        assertMessage("group_filter is not a valid LDAP filter", f -> f.put("group_filter", "(objectClass=x"));
        assertMessage("ldap_group_attr is not an attribute name", f -> f.put("ldap_group_attr", "member of"));
        assertMessage("ldap_client_cert and ldap_client_key go together", f -> f.put("ldap_client_cert", caPem));
        assertMessage("ldap_server_hosts[1]: plain ldap://", f -> f.put("ldap_server_hosts",
                List.of("a", "ldap://b")));
    }

    static void assertMessage(String prefix, java.util.function.Consumer<Map<String, Object>> change) {
        Map<String, Object> f = valid();
        change.accept(f);
        String message = assertThrows(InvalidRequestException.class, () -> LdapSettings.parse(f)).getMessage();
        assertTrue(message.startsWith(prefix), message);
    }
}
