package io.turnstile.it;

import jakarta.json.JsonObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static io.turnstile.it.TurnstileUnderTest.delete;
import static io.turnstile.it.TurnstileUnderTest.get;
import static io.turnstile.it.TurnstileUnderTest.post;
import static io.turnstile.it.TurnstileUnderTest.put;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Identity providers through the contract's ssos API, and the realm mapping through the org setting. */
class SsosApiIT {

    static String org;
    static String caPem;

    @BeforeAll
    static void setUp() throws Exception {
        assumeTrue(TurnstileUnderTest.enabled(), "integration tests run through ./turnstile test");
        org = TurnstileUnderTest.orgId();
        Path dir = Files.createTempDirectory("ssos-it");
        Process p = new ProcessBuilder("openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt",
                "ec_paramgen_curve:prime256v1", "-nodes", "-days", "1", "-subj", "/CN=SsosApiIT CA",
                "-addext", "basicConstraints=critical,CA:TRUE", "-keyout", dir.resolve("ca.key").toString(),
                "-out", dir.resolve("ca.pem").toString()).redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        assertTrue(p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0, "openssl made a CA");
        caPem = Files.readString(dir.resolve("ca.pem"), StandardCharsets.US_ASCII);
    }

    static String ldapBody(String name) {
        return """
                {"name": "%s", "idp_type": "ldap", "ldap_type": "custom",
                 "ldap_server_hosts": ["dc1.corp.example", "dc2.corp.example:3269"],
                 "ldap_cacerts": ["%s"],
                 "ldap_bind_dn": "cn=nas,ou=services,dc=corp,dc=example", "ldap_bind_password": "bind-s3cret",
                 "ldap_base_dn": "dc=corp,dc=example", "ldap_user_filter": "(uid=%%s)",
                 "group_filter": "(objectClass=groupOfNames)", "ldap_resolve_groups": true}
                """.formatted(name, caPem.replace("\n", "\\n"));
    }

    @Test
    void ldapEntryIsStoredAndReadBackWithThePasswordMasked() {
        var created = post("/api/v1/orgs/" + org + "/ssos", ldapBody("corp-ldap"));
        assertEquals(200, created.status(), created.body());
        JsonObject sso = created.json();
        String id = sso.getString("id");
        assertEquals(org, sso.getString("org_id"));
        assertEquals("ldap", sso.getString("idp_type"));
        assertEquals("********", sso.getString("ldap_bind_password"));
        assertFalse(created.body().contains("bind-s3cret"), "the password never comes back");
        assertEquals("(uid=%s)", sso.getString("ldap_user_filter"));
        assertEquals(2, sso.getJsonArray("ldap_server_hosts").size());
        assertFalse(sso.getString("domain").isEmpty());

        var read = get("/api/v1/orgs/" + org + "/ssos/" + id);
        assertEquals(200, read.status());
        assertEquals("********", read.json().getString("ldap_bind_password"));
        assertEquals(sso.getString("domain"), read.json().getString("domain"));
        assertFalse(read.body().contains("bind-s3cret"));

        var list = get("/api/v1/orgs/" + org + "/ssos");
        assertEquals(200, list.status());
        assertTrue(list.array().stream().anyMatch(v -> v.asJsonObject().getString("id").equals(id)));

        // PUT what was read (the mask included): the stored password stays, other fields change
        var updated = put("/api/v1/orgs/" + org + "/ssos/" + id, """
                {"name": "corp-ldap-2", "ldap_bind_password": "********"}""");
        assertEquals(200, updated.status(), updated.body());
        assertEquals("corp-ldap-2", updated.json().getString("name"));
        assertEquals("********", updated.json().getString("ldap_bind_password"));

        assertEquals(200, delete("/api/v1/orgs/" + org + "/ssos/" + id).status());
        assertEquals(404, get("/api/v1/orgs/" + org + "/ssos/" + id).status());
    }

    @Test
    void invalidLdapEntriesAreRefusedNamingTheField() {
        var plain = post("/api/v1/orgs/" + org + "/ssos", ldapBody("x").replace("dc1.corp.example", "ldap://dc1"));
        assertEquals(400, plain.status());
        assertTrue(plain.body().contains("ldap_server_hosts[0]"), plain.body());
        var noCa = post("/api/v1/orgs/" + org + "/ssos", """
                {"name": "x", "idp_type": "ldap", "ldap_type": "custom", "ldap_server_hosts": ["dc1"],
                 "ldap_bind_dn": "cn=a,dc=b", "ldap_bind_password": "p", "ldap_base_dn": "dc=b",
                 "ldap_user_filter": "(uid=%s)"}""");
        assertEquals(400, noCa.status());
        assertTrue(noCa.body().contains("ldap_cacerts"), noCa.body());
        var badEnum = post("/api/v1/orgs/" + org + "/ssos", """
                {"name": "x", "idp_type": "kerberos"}""");
        assertEquals(400, badEnum.status());
        var maskWithoutSecret = post("/api/v1/orgs/" + org + "/ssos", """
                {"name": "x", "idp_type": "oauth", "oauth_cc_client_secret": "********"}""");
        assertEquals(400, maskWithoutSecret.status());
    }

    @Test
    void otherIdpTypesAreStoredWithTheirSecretsMasked() {
        var created = post("/api/v1/orgs/" + org + "/ssos", """
                {"name": "entra", "idp_type": "oauth", "oauth_type": "azure", "oauth_tenant_id": "t-1",
                 "oauth_cc_client_id": "c-1", "oauth_cc_client_secret": "cc-s3cret", "scim_enabled": false}""");
        assertEquals(200, created.status(), created.body());
        assertEquals("********", created.json().getString("oauth_cc_client_secret"));
        assertEquals("t-1", created.json().getString("oauth_tenant_id"));
        assertFalse(created.body().contains("cc-s3cret"));
        assertEquals(200, delete("/api/v1/orgs/" + org + "/ssos/" + created.json().getString("id")).status());
    }

    @Test
    void realmMappingIsStoredInTheOrgSetting() {
        var created = post("/api/v1/orgs/" + org + "/ssos", ldapBody("realm-ldap"));
        assertEquals(200, created.status(), created.body());
        String id = created.json().getString("id");
        var saved = put("/api/v1/orgs/" + org + "/setting", """
                {"mist_nac": {"idps": [{"id": "%s", "user_realms": ["corp.example"]}], "default_idp_id": "%s"}}
                """.formatted(id, id));
        assertEquals(200, saved.status(), saved.body());
        JsonObject nac = get("/api/v1/orgs/" + org + "/setting").json().getJsonObject("mist_nac");
        assertEquals(id, nac.getString("default_idp_id"));
        assertEquals("corp.example", nac.getJsonArray("idps").getJsonObject(0).getJsonArray("user_realms")
                .getString(0));

        var bad = put("/api/v1/orgs/" + org + "/setting", """
                {"mist_nac": {"idps": [{"user_realms": ["corp.example"]}]}}""");
        assertEquals(400, bad.status());
        assertTrue(bad.body().contains("mist_nac.idps[0].id"), bad.body());

        assertEquals(200, put("/api/v1/orgs/" + org + "/setting", "{\"mist_nac\": null}").status());
        assertEquals(200, delete("/api/v1/orgs/" + org + "/ssos/" + id).status());
    }
}
