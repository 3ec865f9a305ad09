package io.turnstile.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static io.turnstile.it.TurnstileUnderTest.get;
import static io.turnstile.it.TurnstileUnderTest.waitForEvent;
import static io.turnstile.it.TurnstileUnderTest.put;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * OCSP (RFC 6960) for EAP-TLS client certificates against a real responder: {@code openssl ocsp} serving the index of
 * an openssl CA, signing with a delegated responder certificate (id-kp-OCSPSigning). The client certificates carry
 * the responder's URL in their Authority Information Access; eapol_test presents them. Good is accepted, revoked is
 * rejected with NAC_CLIENT_CERT_REVOKED, and a certificate whose responder is down is rejected when the org is
 * fail-closed and accepted when it is fail-open ({@code setting.mist_nac.ocsp}).
 */
class OcspIT {

    static final String OUTER_IDENTITY = "anonymous@ocsp.example";
    static String org;
    static Path dir;
    static Process responder;
    static int responderPort;
    static JsonValue mistNacBefore;

    /** The responder listens on HTTP + 40 of this profile (the suite's port block), the "down" one on HTTP + 41. */
    static int port(int offset) {
        int http = Integer.parseInt(TurnstileUnderTest.HTTP.replaceAll(".*:(\\d+)/?$", "$1"));
        return http + 40 + offset;
    }

    @BeforeAll
    static void setUp() throws Exception {
        assumeTrue(TurnstileUnderTest.enabled(), "integration tests run through ./turnstile test");
        org = TurnstileUnderTest.ensureRadiusClients();
        dir = Files.createTempDirectory(Path.of("target"), "ocsp").toAbsolutePath();
        responderPort = port(0);
        var ca = get("/api/v1/orgs/" + org + "/cert");
        assertEquals(200, ca.status(), ca.body());
        Files.writeString(dir.resolve("org-ca.pem"), ca.json().getString("cert"));

        openssl("req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "30", "-subj", "/CN=OCSP IT CA",
                "-addext", "basicConstraints=critical,CA:TRUE", "-addext", "keyUsage=critical,keyCertSign,cRLSign",
                "-keyout", p("ca.key"), "-out", p("ca.pem"));
        OpensslCa.configure(dir, "ca", "2000", """
                [client]
                basicConstraints = CA:FALSE
                keyUsage = digitalSignature
                extendedKeyUsage = clientAuth
                authorityInfoAccess = OCSP;URI:http://127.0.0.1:%1$d/
                [client_down]
                basicConstraints = CA:FALSE
                keyUsage = digitalSignature
                extendedKeyUsage = clientAuth
                authorityInfoAccess = OCSP;URI:http://127.0.0.1:%2$d/
                [responder]
                basicConstraints = CA:FALSE
                keyUsage = digitalSignature
                extendedKeyUsage = OCSPSigning
                """.formatted(responderPort, port(1)));
        issue("responder", "OCSP IT Responder", "responder");
        issue("good", "ocsp-it-good", "client");
        issue("revoked", "ocsp-it-revoked", "client");
        issue("down", "ocsp-it-down", "client_down");
        openssl("ca", "-batch", "-config", p("ca.cnf"), "-revoke", p("revoked.pem"), "-crl_reason", "keyCompromise");

        // The org trusts the CA (mist_nac.cacerts) and checks OCSP, fail-closed to begin with.
        var setting = get("/api/v1/orgs/" + org + "/setting");
        assertEquals(200, setting.status(), setting.body());
        mistNacBefore = setting.json().asJsonObject().getOrDefault("mist_nac", JsonValue.NULL);
        putOcsp(false);

        responder = new ProcessBuilder("openssl", "ocsp", "-index", p("db/index.txt"), "-port",
                String.valueOf(responderPort), "-rsigner", p("responder.pem"), "-rkey", p("responder.key"),
                "-CA", p("ca.pem"), "-ignore_err")
                .redirectErrorStream(true).redirectOutput(dir.resolve("responder.log").toFile()).start();
        // Not probed with a bare TCP connect: openssl ocsp 3.0 then waits on that connection for good.
        Path log = dir.resolve("responder.log");
        for (int i = 0; i < 100 && !Files.readString(log).contains("waiting for OCSP client connections"); i++) {
            assertTrue(responder.isAlive(), "openssl ocsp exited: " + Files.readString(log));
            Thread.sleep(100);
        }
        // The responder itself answers as expected (openssl ocsp as the client): the fixture is right.
        String status = opensslOutput("ocsp", "-issuer", p("ca.pem"), "-cert", p("revoked.pem"), "-url",
                "http://127.0.0.1:" + responderPort + "/", "-CAfile", p("ca.pem"), "-timeout", "10");
        assertTrue(status.contains("revoked"), status);
    }

    @AfterAll
    static void tearDown() throws Exception {
        if (responder != null) {
            responder.destroy();
            responder.waitFor(10, TimeUnit.SECONDS);
        }
        if (org != null && mistNacBefore != null) {
            var restored = put("/api/v1/orgs/" + org + "/setting", Json.createObjectBuilder()
                    .add("mist_nac", mistNacBefore).build().toString());
            assertEquals(200, restored.status(), restored.body());
        }
    }

    @Test
    void aGoodCertificateIsAccepted() throws Exception {
        var r = eapTls("02:00:00:0c:50:01", "good");
        assertTrue(r.succeeded(), r.output());
        assertTrue(r.mppeKeysMatch(), r.output());
        JsonObject check = waitForEvent(org, "02:00:00:0c:50:01", "NAC_CLIENT_CERT_CHECK_SUCCESS");
        assertEquals("good", check.getString("cert_ocsp"), check.toString());
        assertEquals("ocsp-it-good", check.getString("cert_cn"));
    }

    @Test
    void aRevokedCertificateIsRejectedWithTheRevokedEvent() throws Exception {
        var r = eapTls("02:00:00:0c:50:02", "revoked");
        assertFalse(r.succeeded(), r.output());
        assertTrue(r.rejected(), r.output());
        JsonObject e = waitForEvent(org, "02:00:00:0c:50:02", "NAC_CLIENT_CERT_REVOKED");
        assertEquals("ocsp-it-revoked", e.getString("cert_cn"));
        assertEquals("revoked", e.getString("cert_ocsp"), e.toString());
        assertTrue(e.getString("reason").contains("revoked by its OCSP responder"), e.toString());
        waitForEvent(org, "02:00:00:0c:50:02", "NAC_CLIENT_DENY");
    }

    /** Fail-closed, then fail-open, for a certificate whose responder does not listen. */
    @Test
    void aDownResponderRejectsWhenFailClosedAndAcceptsWhenFailOpen() throws Exception {
        assertFalse(listening(port(1)), "nothing may listen on the down responder's port " + port(1));
        var closed = eapTls("02:00:00:0c:50:03", "down");
        assertFalse(closed.succeeded(), closed.output());
        assertTrue(closed.rejected(), closed.output());
        JsonObject failure = waitForEvent(org, "02:00:00:0c:50:03", "NAC_CLIENT_CERT_CHECK_FAILURE");
        assertEquals("unavailable", failure.getString("cert_ocsp"), failure.toString());
        assertTrue(failure.getString("reason").contains("rejected: fail_open is false"), failure.toString());
        try {
            putOcsp(true);
            var open = eapTls("02:00:00:0c:50:04", "down");
            assertTrue(open.succeeded(), open.output());
            JsonObject success = waitForEvent(org, "02:00:00:0c:50:04", "NAC_CLIENT_CERT_CHECK_SUCCESS");
            assertEquals("unavailable", success.getString("cert_ocsp"), success.toString());
            assertTrue(success.getString("reason").contains("accepted: fail_open"), success.toString());
        } finally {
            putOcsp(false);
        }
    }

    @Test
    void aBadOcspSettingIsRefused() {
        var r = put("/api/v1/orgs/" + org + "/setting", """
                {"mist_nac": {"ocsp": {"enabled": true, "timeout_ms": 5}}}""");
        assertEquals(400, r.status(), r.body());
        assertTrue(r.body().contains("mist_nac.ocsp.timeout_ms must be an integer from 100 to 30000"), r.body());
    }


    /** mist_nac as it was, plus this CA in cacerts and the OCSP policy. */
    static void putOcsp(boolean failOpen) throws IOException {
        var nac = Json.createObjectBuilder();
        var cacerts = Json.createArrayBuilder();
        if (mistNacBefore instanceof JsonObject before) {
            before.forEach((k, v) -> {
                if (!k.equals("cacerts") && !k.equals("ocsp")) {
                    nac.add(k, v);
                }
            });
            if (before.get("cacerts") instanceof jakarta.json.JsonArray list) {
                list.forEach(cacerts::add);
            }
        }
        cacerts.add(Files.readString(dir.resolve("ca.pem")));
        nac.add("cacerts", cacerts);
        nac.add("ocsp", Json.createObjectBuilder().add("enabled", true).add("timeout_ms", 2000)
                .add("fail_open", failOpen));
        var r = put("/api/v1/orgs/" + org + "/setting", Json.createObjectBuilder().add("mist_nac", nac).build()
                .toString());
        assertEquals(200, r.status(), r.body());
    }

    private static EapolTest.Result eapTls(String mac, String cert) {
        return EapolTest.eapTls(dir, TurnstileUnderTest.AUTH_PORT, TurnstileUnderTest.SECRET, mac, OUTER_IDENTITY,
                dir.resolve("org-ca.pem"), dir.resolve(cert + ".pem"), dir.resolve(cert + ".key"), false, null);
    }

    private static void issue(String name, String cn, String extensions) throws Exception {
        openssl("req", "-new", "-newkey", "rsa:2048", "-nodes", "-keyout", p(name + ".key"), "-out", p(name + ".csr"),
                "-subj", "/CN=" + cn);
        openssl("ca", "-batch", "-config", p("ca.cnf"), "-extensions", extensions, "-in", p(name + ".csr"),
                "-out", p(name + ".pem"), "-notext");
    }

    private static boolean listening(int port) {
        try (Socket s = new Socket("127.0.0.1", port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static String p(String name) {
        return dir.resolve(name).toString();
    }

    static void openssl(String... args) throws IOException, InterruptedException {
        opensslOutput(args);
    }

    static String opensslOutput(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("openssl"));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0, String.join(" ", command) + ": " + out);
        return out;
    }
}
