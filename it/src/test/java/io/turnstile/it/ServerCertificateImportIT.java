package io.turnstile.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static io.turnstile.it.OcspIT.openssl;
import static io.turnstile.it.TurnstileUnderTest.get;
import static io.turnstile.it.TurnstileUnderTest.post;
import static io.turnstile.it.TurnstileUnderTest.put;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A custom EAP server certificate ({@code setting.mist_nac.server_cert}) from another CA (root + issuing CA made by
 * openssl), imported through {@code PUT /api/v1/orgs/{org_id}/setting}: eapol_test then trusts it with that root as
 * {@code ca_cert} and no longer with the org CA; the key is masked in responses and redacted in the audit log; bad
 * imports (wrong key, expired, wildcard, no serverAuth, incomplete chain) get 400 with a precise message while EAP
 * keeps using the certificate in place; clearing the setting brings back the org-CA-issued certificate.
 */
class ServerCertificateImportIT {

    static final String OUTER_IDENTITY = "anonymous@import.example";
    static final String PASSWORD = "import it pass";
    static String org;
    static Path dir;
    static JsonValue mistNacBefore;

    @BeforeAll
    static void setUp() throws Exception {
        assumeTrue(TurnstileUnderTest.enabled(), "integration tests run through ./turnstile test");
        org = TurnstileUnderTest.ensureRadiusClients();
        dir = Files.createTempDirectory(Path.of("target"), "import").toAbsolutePath();
        var ca = get("/api/v1/orgs/" + org + "/cert");
        assertEquals(200, ca.status(), ca.body());
        Files.writeString(dir.resolve("org-ca.pem"), ca.json().getString("cert"));
        var setting = get("/api/v1/orgs/" + org + "/setting");
        mistNacBefore = setting.json().getOrDefault("mist_nac", JsonValue.NULL);

        // The supplicant's certificate, from the org CA (the client side does not change with the server's).
        openssl("req", "-new", "-newkey", "rsa:2048", "-nodes", "-keyout", p("client.key"), "-out", p("client.csr"),
                "-subj", "/CN=import-it-laptop");
        var issued = post("/api/v1/orgs/" + org + "/cert/issue_client", Json.createObjectBuilder()
                .add("csr", Files.readString(dir.resolve("client.csr"))).build().toString());
        assertEquals(200, issued.status(), issued.body());
        Files.writeString(dir.resolve("client.pem"), issued.json().getString("cert"));

        // Another PKI: a root, an issuing CA under it, and server certificates from the issuing CA.
        openssl("req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "60", "-subj", "/CN=Import IT Root",
                "-addext", "basicConstraints=critical,CA:TRUE", "-addext", "keyUsage=critical,keyCertSign,cRLSign",
                "-keyout", p("root.key"), "-out", p("root.pem"));
        openssl("req", "-new", "-newkey", "rsa:2048", "-nodes", "-keyout", p("issuing.key"), "-out", p("issuing.csr"),
                "-subj", "/CN=Import IT Issuing CA");
        Files.writeString(dir.resolve("issuing.ext"), "basicConstraints=critical,CA:TRUE,pathlen:0\n"
                + "keyUsage=critical,keyCertSign,cRLSign\n");
        openssl("x509", "-req", "-in", p("issuing.csr"), "-CA", p("root.pem"), "-CAkey", p("root.key"),
                "-CAcreateserial", "-days", "50", "-sha256", "-extfile", p("issuing.ext"), "-out", p("issuing.pem"));
        OpensslCa.configure(dir, "issuing", "3000", """
                [server]
                basicConstraints = CA:FALSE
                keyUsage = critical,digitalSignature,keyEncipherment
                extendedKeyUsage = serverAuth
                subjectAltName = DNS:radius.import.example
                [wildcard]
                basicConstraints = CA:FALSE
                keyUsage = critical,digitalSignature,keyEncipherment
                extendedKeyUsage = serverAuth
                subjectAltName = DNS:*.import.example
                [client_only]
                basicConstraints = CA:FALSE
                keyUsage = critical,digitalSignature,keyEncipherment
                extendedKeyUsage = clientAuth
                subjectAltName = DNS:radius.import.example
                """);
        server("server", "radius.import.example", "server");
        server("wildcard", "*.import.example", "wildcard");
        server("client-only", "radius.import.example", "client_only");
        openssl("req", "-new", "-newkey", "rsa:2048", "-nodes", "-keyout", p("expired.key"), "-out",
                p("expired.csr"), "-subj", "/CN=radius.import.example");
        openssl("ca", "-batch", "-config", p("ca.cnf"), "-extensions", "server", "-in", p("expired.csr"),
                "-out", p("expired.pem"), "-notext", "-startdate", "20200101000000Z", "-enddate", "20200201000000Z");
        // The real key encrypted as PKCS#8 with a password (what most CAs hand out).
        openssl("pkcs8", "-topk8", "-v2", "aes-256-cbc", "-in", p("server.key"), "-out", p("server.p8.pem"),
                "-passout", "pass:" + PASSWORD);
        openssl("genrsa", "-out", p("other.key"), "2048");
    }

    @AfterAll
    static void tearDown() {
        if (org != null && mistNacBefore != null) {
            var restored = put("/api/v1/orgs/" + org + "/setting", Json.createObjectBuilder()
                    .add("mist_nac", mistNacBefore).build().toString());
            assertEquals(200, restored.status(), restored.body());
        }
    }

    @Test
    void anImportedCertificateIsPresentedAndABadOneIsRefused() throws Exception {
        var before = eapTls("02:00:00:1c:e0:01", "org-ca.pem");
        assertTrue(before.succeeded(), "the org CA's certificate to begin with: " + before.output());

        var imported = putServerCert(chain("server", "issuing", "root"), read("server.p8.pem"), PASSWORD);
        assertEquals(200, imported.status(), imported.body());
        JsonObject answered = imported.json().getJsonObject("mist_nac").getJsonObject("server_cert");
        assertEquals("********", answered.getString("key"), "the key is masked");
        assertFalse(answered.containsKey("password"), "the password is not kept");
        assertFalse(imported.body().contains("PRIVATE KEY"), imported.body());
        assertTrue(answered.getString("cert").contains("BEGIN CERTIFICATE"), answered.toString());
        var got = get("/api/v1/orgs/" + org + "/setting");
        assertEquals("********", got.json().getJsonObject("mist_nac").getJsonObject("server_cert").getString("key"));
        var log = get("/api/v1/orgs/" + org + "/logs?message=" + AdminPlaneIT.enc("Update Org Settings"));
        assertEquals(200, log.status(), log.body());
        assertTrue(log.json().getInt("total") >= 1, log.body());
        assertTrue(log.body().contains("<redacted>"), "the key field is logged as changed, not its value: " + log.body());
        assertFalse(log.body().contains("PRIVATE KEY") || log.body().contains(PASSWORD), "audit redacts the key");

        var trusted = eapTls("02:00:00:1c:e0:02", "root.pem");
        assertTrue(trusted.succeeded(), trusted.output());
        assertTrue(trusted.mppeKeysMatch(), trusted.output());
        var untrusted = eapTls("02:00:00:1c:e0:03", "org-ca.pem");
        assertFalse(untrusted.succeeded(), "the org CA no longer vouches for the server: " + untrusted.output());

        refused(chain("server", "issuing", "root"), read("other.key"), null,
                "mist_nac.server_cert: key does not match the certificate CN=radius.import.example");
        refused(chain("expired", "issuing", "root"), read("expired.key"), null,
                "mist_nac.server_cert: certificate CN=radius.import.example expired at 2020-02-01T00:00:00Z");
        refused(chain("wildcard", "issuing", "root"), read("wildcard.key"), null,
                "mist_nac.server_cert: wildcard name *.import.example is not allowed for an EAP server certificate");
        refused(chain("client-only", "issuing", "root"), read("client-only.key"), null,
                "mist_nac.server_cert: certificate CN=radius.import.example has no serverAuth extended key usage");
        refused(chain("server", "issuing"), read("server.key"), null,
                "mist_nac.server_cert: chain is incomplete: the issuer CN=Import IT Root of CN=Import IT Issuing CA"
                        + " is missing (add the intermediate and root CA certificates after the server certificate)");
        refused(chain("server", "issuing", "root"), read("server.p8.pem"), "wrong password",
                "mist_nac.server_cert: key cannot be decrypted (wrong password?)");
        var still = eapTls("02:00:00:1c:e0:04", "root.pem");
        assertTrue(still.succeeded(), "refused imports leave the imported certificate in use: " + still.output());

        // GET-modify-PUT with the masked key keeps the certificate
        var masked = putServerCert(chain("server", "issuing", "root"), "********", null);
        assertEquals(200, masked.status(), masked.body());
        var kept = eapTls("02:00:00:1c:e0:05", "root.pem");
        assertTrue(kept.succeeded(), kept.output());

        // clearing server_cert: the org CA's certificate again
        var cleared = put("/api/v1/orgs/" + org + "/setting", Json.createObjectBuilder()
                .add("mist_nac", nacWith(null)).build().toString());
        assertEquals(200, cleared.status(), cleared.body());
        assertFalse(cleared.json().getJsonObject("mist_nac").containsKey("server_cert"), cleared.body());
        var back = eapTls("02:00:00:1c:e0:06", "org-ca.pem");
        assertTrue(back.succeeded(), back.output());
    }

    private static void refused(String cert, String key, String password, String message) {
        var r = putServerCert(cert, key, password);
        assertEquals(400, r.status(), r.body());
        assertEquals(message, r.json().getString("detail"), r.body());
    }

    private static TurnstileUnderTest.Response putServerCert(String cert, String key, String password) {
        JsonObjectBuilder sc = Json.createObjectBuilder().add("cert", cert).add("key", key);
        if (password != null) {
            sc.add("password", password);
        }
        return put("/api/v1/orgs/" + org + "/setting", Json.createObjectBuilder().add("mist_nac", nacWith(sc.build()))
                .build().toString());
    }

    /** mist_nac as it was before this test, with {@code server_cert} set (or left out). */
    private static JsonObjectBuilder nacWith(JsonObject serverCert) {
        var nac = Json.createObjectBuilder();
        if (mistNacBefore instanceof JsonObject before) {
            before.forEach((k, v) -> {
                if (!k.equals("server_cert")) {
                    nac.add(k, v);
                }
            });
        }
        if (serverCert != null) {
            nac.add("server_cert", serverCert);
        }
        return nac;
    }

    private static EapolTest.Result eapTls(String mac, String caCert) {
        return EapolTest.eapTls(dir, TurnstileUnderTest.AUTH_PORT, TurnstileUnderTest.SECRET, mac, OUTER_IDENTITY,
                dir.resolve(caCert), dir.resolve("client.pem"), dir.resolve("client.key"), false, null);
    }

    private static void server(String name, String cn, String extensions) throws Exception {
        openssl("req", "-new", "-newkey", "rsa:2048", "-nodes", "-keyout", p(name + ".key"), "-out", p(name + ".csr"),
                "-subj", "/CN=" + cn);
        openssl("ca", "-batch", "-config", p("ca.cnf"), "-extensions", extensions, "-in", p(name + ".csr"),
                "-out", p(name + ".pem"), "-notext");
    }

    private static String chain(String... names) throws Exception {
        StringBuilder out = new StringBuilder();
        for (String n : names) {
            out.append(read(n + ".pem"));
        }
        return out.toString();
    }

    private static String read(String name) throws Exception {
        return Files.readString(dir.resolve(name));
    }

    private static String p(String name) {
        return dir.resolve(name).toString();
    }
}
