package io.turnstile.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static io.turnstile.it.TurnstileUnderTest.get;
import static io.turnstile.it.TurnstileUnderTest.waitForEvent;
import static io.turnstile.it.TurnstileUnderTest.post;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * PEAPv0 with EAP-TLS inside ([MS-PEAP], PEAP-TLS) with wpa_supplicant's eapol_test: outer TLS 1.2 or 1.3 tunnel
 * (RFC 9427) with an anonymous identity, the org-issued client certificate in the inner EAP-TLS, Result TLV and
 * Crypto-Binding TLV, and MPPE keys that match eapol_test's MSK: the tunnel's without cryptobinding
 * ({@code crypto_binding=0}), the IPMK-derived one with it ({@code crypto_binding=2}, required by the peer).
 */
class PeapTlsIT {

    static String org;
    static Path dir;

    @BeforeAll
    static void setUp() throws Exception {
        assumeTrue(TurnstileUnderTest.enabled(), "integration tests run through ./turnstile test");
        org = TurnstileUnderTest.ensureRadiusClients();
        dir = Files.createTempDirectory(Path.of("target"), "peaptls").toAbsolutePath();
        var ca = get("/api/v1/orgs/" + org + "/cert");
        assertEquals(200, ca.status(), ca.body());
        Files.writeString(dir.resolve("ca.pem"), ca.json().getString("cert"));
        openssl("req", "-new", "-newkey", "rsa:2048", "-nodes", "-keyout", dir.resolve("client.key").toString(),
                "-out", dir.resolve("client.csr").toString(), "-subj", "/CN=peap-it-laptop");
        var issued = post("/api/v1/orgs/" + org + "/cert/issue_client", Json.createObjectBuilder()
                .add("csr", Files.readString(dir.resolve("client.csr"))).build().toString());
        assertEquals(200, issued.status(), issued.body());
        Files.writeString(dir.resolve("client.pem"), issued.json().getString("cert"));
    }

    @Test
    void peapTlsOverUdpIsAcceptedWithMatchingMppeKeys() throws Exception {
        var r = EapolTest.peapTls(dir, TurnstileUnderTest.AUTH_PORT, TurnstileUnderTest.SECRET, "02:00:00:e3:00:01",
                "anonymous@corp.example", "peap-it-laptop", dir.resolve("ca.pem"), dir.resolve("client.pem"),
                dir.resolve("client.key"));
        assertTrue(r.succeeded(), r.output());
        assertTrue(r.mppeKeysMatch(), r.output());
        JsonObject permit = waitForEvent(org, "02:00:00:e3:00:01", "NAC_CLIENT_PERMIT");
        assertEquals("eap-peap", permit.getString("auth_type"));
        assertEquals("peap-it-laptop", permit.getString("username"), "the inner certificate is the user");
        JsonObject check = waitForEvent(org, "02:00:00:e3:00:01", "NAC_CLIENT_CERT_CHECK_SUCCESS");
        assertEquals("peap-it-laptop", check.getString("cert_cn"));
    }

    @Test
    void peapTlsWithRequiredCryptoBindingHasMatchingMppeKeys() throws Exception {
        var r = EapolTest.peapTls(dir, TurnstileUnderTest.AUTH_PORT, TurnstileUnderTest.SECRET, "02:00:00:e3:00:03",
                "anonymous@corp.example", "peap-it-laptop", dir.resolve("ca.pem"), dir.resolve("client.pem"),
                dir.resolve("client.key"), 2, false);
        assertTrue(r.succeeded(), r.output());
        assertTrue(r.output().contains("EAP-PEAP: Valid cryptobinding TLV received"), r.output());
        assertTrue(r.mppeKeysMatch(), "the MSK from the IPMK chain matches wpa_supplicant's: " + r.output());
        assertEquals("eap-peap", waitForEvent(org, "02:00:00:e3:00:03", "NAC_CLIENT_PERMIT")
                .getString("auth_type"));
    }

    @Test
    void peapTlsOverTls13WithCryptoBindingHasMatchingMppeKeys() throws Exception {
        var r = EapolTest.peapTls(dir, TurnstileUnderTest.AUTH_PORT, TurnstileUnderTest.SECRET, "02:00:00:e3:00:04",
                "anonymous@corp.example", "peap-it-laptop", dir.resolve("ca.pem"), dir.resolve("client.pem"),
                dir.resolve("client.key"), 2, true);
        assertTrue(r.succeeded(), r.output());
        assertTrue(r.tls13(), "the outer tunnel ran TLS 1.3: " + r.output());
        assertTrue(r.mppeKeysMatch(), "RFC 9427 tunnel key, then the IPMK chain: " + r.output());
    }

    @Test
    void peapTlsOverTls13WithoutCryptoBindingHasMatchingMppeKeys() throws Exception {
        var r = EapolTest.peapTls(dir, TurnstileUnderTest.AUTH_PORT, TurnstileUnderTest.SECRET, "02:00:00:e3:00:05",
                "anonymous@corp.example", "peap-it-laptop", dir.resolve("ca.pem"), dir.resolve("client.pem"),
                dir.resolve("client.key"), 0, true);
        assertTrue(r.succeeded(), r.output());
        assertTrue(r.tls13(), r.output());
        assertTrue(r.mppeKeysMatch(), "RFC 9427 §2.1 exporter with Type-Code 25: " + r.output());
    }

    @Test
    void innerCertificateFromAnUntrustedCaIsRejected() throws Exception {
        openssl("req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "30", "-subj", "/CN=PEAP Rogue CA",
                "-addext", "basicConstraints=critical,CA:TRUE", "-addext", "keyUsage=critical,keyCertSign",
                "-keyout", dir.resolve("rogue-ca.key").toString(), "-out", dir.resolve("rogue-ca.pem").toString());
        openssl("req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "30", "-subj", "/CN=peap-it-rogue",
                "-CA", dir.resolve("rogue-ca.pem").toString(), "-CAkey", dir.resolve("rogue-ca.key").toString(),
                "-addext", "extendedKeyUsage=clientAuth",
                "-keyout", dir.resolve("rogue.key").toString(), "-out", dir.resolve("rogue.pem").toString());
        var r = EapolTest.peapTls(dir, TurnstileUnderTest.AUTH_PORT, TurnstileUnderTest.SECRET, "02:00:00:e3:00:02",
                "anonymous@corp.example", "peap-it-rogue", dir.resolve("ca.pem"), dir.resolve("rogue.pem"),
                dir.resolve("rogue.key"));
        assertFalse(r.succeeded(), r.output());
        assertTrue(r.rejected(), r.output());
        JsonObject deny = waitForEvent(org, "02:00:00:e3:00:02", "NAC_CLIENT_DENY");
        assertEquals("eap-peap", deny.getString("auth_type"));
        waitForEvent(org, "02:00:00:e3:00:02", "NAC_CLIENT_CERT_CHECK_FAILURE");
    }

    private static void openssl(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("openssl"));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0, String.join(" ", command) + ": " + out);
    }
}
