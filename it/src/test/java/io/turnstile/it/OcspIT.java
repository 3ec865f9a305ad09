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
 * fail-closed and accepted when it is fail-open ({@code setting.mist_nac.ocsp}). Two intermediate CAs under the
 * (trusted) root, which the root's responder answers for, issue clients that send leaf + intermediate: the chain of
 * the good intermediate is accepted, that of the one revoked in the root's index is rejected as revoked, naming it.
 */
class OcspIT {

    static final String OUTER_IDENTITY = "anonymous@ocsp.example";
    static String org;
    static Path dir;
    static final List<Process> RESPONDERS = new ArrayList<>();
    static int responderPort;
    static JsonValue mistNacBefore;

    /**
     * Ports from HTTP + 40 of this profile (the suite's port block; the ITs run one after the other): the root's
     * responder on + 40, the "down" one (nothing listens) on + 41, the two intermediates' responders on + 42 and + 43.
     */
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
                [intermediate]
                basicConstraints = critical,CA:TRUE,pathlen:0
                keyUsage = critical,digitalSignature,keyCertSign,cRLSign
                authorityInfoAccess = OCSP;URI:http://127.0.0.1:%1$d/
                """.formatted(responderPort, port(1)));
        issue(dir, "responder", "OCSP IT Responder", "responder");
        issue(dir, "good", "ocsp-it-good", "client");
        issue(dir, "revoked", "ocsp-it-revoked", "client");
        issue(dir, "down", "ocsp-it-down", "client_down");
        openssl("ca", "-batch", "-config", p("ca.cnf"), "-revoke", p("revoked.pem"), "-crl_reason", "keyCompromise");
        Path goodCa = intermediate("int-good", "OCSP IT Intermediate", port(2));
        Path revokedCa = intermediate("int-revoked", "OCSP IT Revoked Intermediate", port(3));
        openssl("ca", "-batch", "-config", p("ca.cnf"), "-revoke", revokedCa.resolve("ca.pem").toString(),
                "-crl_reason", "CACompromise");

        // The org trusts the CA (mist_nac.cacerts) and checks OCSP, fail-closed to begin with.
        var setting = get("/api/v1/orgs/" + org + "/setting");
        assertEquals(200, setting.status(), setting.body());
        mistNacBefore = setting.json().asJsonObject().getOrDefault("mist_nac", JsonValue.NULL);
        putOcsp(false);

        // The root's responder signs with a delegated responder certificate, the intermediates' with their own key.
        respond(dir, responderPort, p("responder.pem"), p("responder.key"));
        respond(goodCa, port(2), goodCa.resolve("ca.pem").toString(), goodCa.resolve("ca.key").toString());
        respond(revokedCa, port(3), revokedCa.resolve("ca.pem").toString(), revokedCa.resolve("ca.key").toString());
        // The responders themselves answer as expected (openssl ocsp as the client): the fixture is right.
        assertTrue(status(dir, p("revoked.pem"), responderPort).contains(": revoked"));
        assertTrue(status(dir, revokedCa.resolve("ca.pem").toString(), responderPort).contains(": revoked"));
        assertTrue(status(dir, goodCa.resolve("ca.pem").toString(), responderPort).contains(": good"));
        assertTrue(status(revokedCa, revokedCa.resolve("leaf.pem").toString(), port(3)).contains(": good"));
    }

    /**
     * An intermediate CA {@code dir/<name>/ca.pem} issued by the root (its AIA names the root's responder), with a
     * client {@code leaf.pem} naming the responder on {@code port}, and {@code leaf-chain.pem}: leaf then
     * intermediate, the chain the client sends (the org trusts only the root).
     */
    static Path intermediate(String name, String cn, int port) throws Exception {
        Path ca = dir.resolve(name);
        Files.createDirectories(ca);
        openssl("req", "-new", "-newkey", "rsa:2048", "-nodes", "-keyout", ca.resolve("ca.key").toString(), "-out",
                ca.resolve("ca.csr").toString(), "-subj", "/CN=" + cn);
        openssl("ca", "-batch", "-config", p("ca.cnf"), "-extensions", "intermediate", "-in",
                ca.resolve("ca.csr").toString(), "-out", ca.resolve("ca.pem").toString(), "-notext");
        OpensslCa.configure(ca, "ca", "3000", """
                [client]
                basicConstraints = CA:FALSE
                keyUsage = digitalSignature
                extendedKeyUsage = clientAuth
                authorityInfoAccess = OCSP;URI:http://127.0.0.1:%d/
                """.formatted(port));
        issue(ca, "leaf", "ocsp-it-" + name + "-leaf", "client");
        Files.writeString(ca.resolve("leaf-chain.pem"), Files.readString(ca.resolve("leaf.pem"))
                + Files.readString(ca.resolve("ca.pem")));
        return ca;
    }

    /** An {@code openssl ocsp} responder for the index of the CA in {@code ca}, on {@code port}, until tearDown. */
    static void respond(Path ca, int port, String signer, String signerKey) throws Exception {
        Path log = ca.resolve("responder.log");
        Process responder = new ProcessBuilder("openssl", "ocsp", "-index", ca.resolve("db/index.txt").toString(),
                "-port", String.valueOf(port), "-rsigner", signer, "-rkey", signerKey,
                "-CA", ca.resolve("ca.pem").toString(), "-ignore_err")
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        RESPONDERS.add(responder);
        // Not probed with a bare TCP connect: openssl ocsp 3.0 then waits on that connection for good.
        for (int i = 0; i < 100 && !Files.readString(log).contains("waiting for OCSP client connections"); i++) {
            assertTrue(responder.isAlive(), "openssl ocsp exited: " + Files.readString(log));
            Thread.sleep(100);
        }
    }

    /** What the responder on {@code port} says of {@code cert}, issued by the CA in {@code ca}. */
    static String status(Path ca, String cert, int port) throws Exception {
        String issuer = ca.resolve("ca.pem").toString();
        return opensslOutput("ocsp", "-issuer", issuer, "-cert", cert, "-url", "http://127.0.0.1:" + port + "/",
                "-CAfile", p("ca.pem"), "-verify_other", issuer, "-timeout", "10");
    }

    @AfterAll
    static void tearDown() throws Exception {
        for (Process responder : RESPONDERS) {
            responder.destroy();
            responder.waitFor(10, TimeUnit.SECONDS);
        }
        RESPONDERS.clear();
        if (org != null && mistNacBefore != null) {
            var restored = put("/api/v1/orgs/" + org + "/setting", Json.createObjectBuilder()
                    .add("mist_nac", mistNacBefore).build().toString());
            assertEquals(200, restored.status(), restored.body());
        }
    }

    @Test
    void aGoodCertificateIsAccepted() throws Exception {
        assertAcceptedAsGood("02:00:00:0c:50:01", eapTls("02:00:00:0c:50:01", "good"), "ocsp-it-good");
    }

    @Test
    void aRevokedCertificateIsRejectedWithTheRevokedEvent() throws Exception {
        JsonObject e = assertRejectedAsRevoked("02:00:00:0c:50:02", eapTls("02:00:00:0c:50:02", "revoked"),
                "ocsp-it-revoked", "CN=ocsp-it-revoked");
        assertTrue(e.getString("reason").contains("revoked by its OCSP responder"), e.toString());
    }

    /** Leaf and intermediate are both asked (each by its issuer's responder) and both are good. */
    @Test
    void aLeafUnderAGoodIntermediateIsAccepted() throws Exception {
        assertAcceptedAsGood("02:00:00:0c:50:05", eapTls("02:00:00:0c:50:05", dir.resolve("int-good")),
                "ocsp-it-int-good-leaf");
    }

    /** The leaf is good at its responder; its intermediate is revoked in the root's index. */
    @Test
    void aLeafUnderARevokedIntermediateIsRejectedWithTheRevokedEvent() throws Exception {
        JsonObject e = assertRejectedAsRevoked("02:00:00:0c:50:06", eapTls("02:00:00:0c:50:06",
                dir.resolve("int-revoked")), "ocsp-it-int-revoked-leaf", "CN=OCSP IT Revoked Intermediate");
        assertTrue(e.getString("reason").startsWith("intermediate CA certificate "), e.toString());
        assertTrue(e.getString("reason").contains("(CN=OCSP IT Revoked Intermediate) is revoked by its OCSP responder"),
                e.toString());
    }

    /** The login of {@code mac} succeeded and its check event says OCSP good for the leaf {@code cn}. */
    private static void assertAcceptedAsGood(String mac, EapolTest.Result r, String cn) throws InterruptedException {
        assertTrue(r.succeeded(), r.output());
        assertTrue(r.mppeKeysMatch(), r.output());
        JsonObject check = waitForEvent(org, mac, "NAC_CLIENT_CERT_CHECK_SUCCESS");
        assertEquals("good", check.getString("cert_ocsp"), check.toString());
        assertEquals(cn, check.getString("cert_cn"));
    }

    /**
     * The login of {@code mac} (leaf {@code cn}) was rejected and denied as revoked by OCSP, the event naming
     * {@code revokedSubject} as the revoked certificate; that event.
     */
    private static JsonObject assertRejectedAsRevoked(String mac, EapolTest.Result r, String cn,
                                                      String revokedSubject) throws InterruptedException {
        assertFalse(r.succeeded(), r.output());
        assertTrue(r.rejected(), r.output());
        JsonObject e = waitForEvent(org, mac, "NAC_CLIENT_CERT_REVOKED");
        assertEquals(cn, e.getString("cert_cn"), e.toString()); // the facts are the leaf's
        assertEquals("revoked", e.getString("cert_ocsp"), e.toString());
        assertEquals(revokedSubject, e.getString("cert_ocsp_revoked_subject"), e.toString());
        waitForEvent(org, mac, "NAC_CLIENT_DENY");
        return e;
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
        return eapTls(mac, dir.resolve(cert + ".pem"), dir.resolve(cert + ".key"));
    }

    /** The client of the intermediate CA in {@code ca}, sending leaf and intermediate. */
    private static EapolTest.Result eapTls(String mac, Path ca) {
        return eapTls(mac, ca.resolve("leaf-chain.pem"), ca.resolve("leaf.key"));
    }

    private static EapolTest.Result eapTls(String mac, Path cert, Path key) {
        return EapolTest.eapTls(dir, TurnstileUnderTest.AUTH_PORT, TurnstileUnderTest.SECRET, mac, OUTER_IDENTITY,
                dir.resolve("org-ca.pem"), cert, key, false, null);
    }

    /** {@code ca/<name>.pem} and {@code .key} for {@code CN=cn}, issued by the CA in {@code ca}. */
    private static void issue(Path ca, String name, String cn, String extensions) throws Exception {
        String key = ca.resolve(name + ".key").toString();
        String csr = ca.resolve(name + ".csr").toString();
        openssl("req", "-new", "-newkey", "rsa:2048", "-nodes", "-keyout", key, "-out", csr, "-subj", "/CN=" + cn);
        openssl("ca", "-batch", "-config", ca.resolve("ca.cnf").toString(), "-extensions", extensions, "-in", csr,
                "-out", ca.resolve(name + ".pem").toString(), "-notext");
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
