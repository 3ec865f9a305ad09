package io.turnstile.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static io.turnstile.it.TurnstileUnderTest.get;
import static io.turnstile.it.TurnstileUnderTest.waitForEvent;
import static io.turnstile.it.TurnstileUnderTest.post;
import static io.turnstile.it.TurnstileUnderTest.put;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * 802.1X EAP-TLS with a real supplicant: wpa_supplicant's eapol_test against Turnstile over UDP and over RadSec
 * (through radsecproxy), TLS 1.2 (RFC 5216) and TLS 1.3 (RFC 9190). Each success checks that the MS-MPPE keys of the
 * Access-Accept, decrypted with the shared secret, equal the MSK eapol_test derived itself ("MPPE keys OK"). The
 * client certificate comes from the org CA through {@code POST /cert/issue_client}; the refused ones are made with
 * openssl: expired, from an untrusted CA, with a 1024-bit key, revoked by an uploaded CRL. Each outcome is checked as its NAC event.
 */
class EapTlsIT {

    static final String OUTER_IDENTITY = "anonymous@corp.example";
    static String org;
    static Path dir;
    Radsecproxy proxy;

    @BeforeAll
    static void setUp() throws Exception {
        assumeTrue(TurnstileUnderTest.enabled(), "integration tests run through ./turnstile test");
        org = TurnstileUnderTest.ensureRadiusClients();
        dir = Files.createTempDirectory(Path.of("target"), "eaptls").toAbsolutePath();
        var ca = get("/api/v1/orgs/" + org + "/cert");
        assertEquals(200, ca.status(), ca.body());
        Files.writeString(dir.resolve("ca.pem"), ca.json().getString("cert"));

        // The good client: key and CSR by openssl, certificate by the org CA.
        openssl("req", "-new", "-newkey", "rsa:2048", "-nodes", "-keyout", p("client.key"), "-out", p("client.csr"),
                "-subj", "/CN=eap-it-laptop");
        var issued = post("/api/v1/orgs/" + org + "/cert/issue_client", Json.createObjectBuilder()
                .add("csr", Files.readString(dir.resolve("client.csr"))).build().toString());
        assertEquals(200, issued.status(), issued.body());
        Files.writeString(dir.resolve("client.pem"), issued.json().getString("cert"));

        // A second CA the org trusts through mist_nac.cacerts, which signs the expired and the weak certificates.
        Files.writeString(dir.resolve("ca.ext"), "basicConstraints=critical,CA:TRUE\nkeyUsage=critical,keyCertSign,cRLSign\n");
        Files.writeString(dir.resolve("client.ext"), "basicConstraints=CA:FALSE\nkeyUsage=digitalSignature\n"
                + "extendedKeyUsage=clientAuth\n");
        openssl("req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "30", "-subj", "/CN=EAP IT Partner CA",
                "-addext", "basicConstraints=critical,CA:TRUE", "-addext", "keyUsage=critical,keyCertSign,cRLSign",
                "-keyout", p("partner-ca.key"), "-out", p("partner-ca.pem"));
        var setting = put("/api/v1/orgs/" + org + "/setting", Json.createObjectBuilder().add("mist_nac",
                Json.createObjectBuilder().add("cacerts", Json.createArrayBuilder()
                        .add(Files.readString(dir.resolve("partner-ca.pem"))))).build().toString());
        assertEquals(200, setting.status(), setting.body());
        expiredCertificate();
        openssl("req", "-new", "-newkey", "rsa:1024", "-nodes", "-keyout", p("weak.key"), "-out", p("weak.csr"),
                "-subj", "/CN=eap-it-weak");
        openssl("x509", "-req", "-in", p("weak.csr"), "-CA", p("partner-ca.pem"), "-CAkey", p("partner-ca.key"),
                "-CAcreateserial", "-days", "30", "-sha256", "-extfile", p("client.ext"), "-out", p("weak.pem"));

        // A CA nobody trusts.
        openssl("req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "30", "-subj", "/CN=Rogue CA",
                "-addext", "basicConstraints=critical,CA:TRUE", "-addext", "keyUsage=critical,keyCertSign",
                "-keyout", p("rogue-ca.key"), "-out", p("rogue-ca.pem"));
        openssl("req", "-new", "-newkey", "rsa:2048", "-nodes", "-keyout", p("rogue.key"), "-out", p("rogue.csr"),
                "-subj", "/CN=eap-it-rogue");
        openssl("x509", "-req", "-in", p("rogue.csr"), "-CA", p("rogue-ca.pem"), "-CAkey", p("rogue-ca.key"),
                "-CAcreateserial", "-days", "30", "-sha256", "-extfile", p("client.ext"), "-out", p("rogue.pem"));
    }

    /** openssl ca can backdate (x509 -req cannot): valid in January 2020 only. */
    private static void expiredCertificate() throws Exception {
        Files.createDirectories(dir.resolve("ca-db"));
        Files.writeString(dir.resolve("ca-db/index.txt"), "");
        Files.writeString(dir.resolve("ca-db/serial"), "1000\n");
        Files.writeString(dir.resolve("ca.cnf"), """
                [ca]
                default_ca = partner
                [partner]
                dir = %s
                database = $dir/ca-db/index.txt
                serial = $dir/ca-db/serial
                new_certs_dir = $dir/ca-db
                certificate = $dir/partner-ca.pem
                private_key = $dir/partner-ca.key
                default_md = sha256
                policy = anything
                copy_extensions = none
                x509_extensions = client
                [anything]
                commonName = supplied
                [client]
                basicConstraints = CA:FALSE
                keyUsage = digitalSignature
                extendedKeyUsage = clientAuth
                """.formatted(dir));
        openssl("req", "-new", "-newkey", "rsa:2048", "-nodes", "-keyout", p("expired.key"), "-out", p("expired.csr"),
                "-subj", "/CN=eap-it-expired");
        openssl("ca", "-batch", "-config", p("ca.cnf"), "-in", p("expired.csr"), "-out", p("expired.pem"),
                "-startdate", "20200101000000Z", "-enddate", "20200201000000Z", "-notext");
    }

    @AfterEach
    void stopProxy() throws InterruptedException {
        if (proxy != null) {
            proxy.close();
            proxy = null;
        }
    }

    @Test
    void tls12OverUdpIsAcceptedWithMatchingMppeKeys() throws Exception {
        var r = eapTls(TurnstileUnderTest.AUTH_PORT, TurnstileUnderTest.SECRET, "02:00:00:e1:00:12", "client", false);
        assertTrue(r.succeeded(), r.output());
        assertTrue(r.mppeKeysMatch(), r.output());
        JsonObject permit = waitForEvent(org, "02:00:00:e1:00:12", "NAC_CLIENT_PERMIT");
        assertEquals("eap-tls", permit.getString("auth_type"));
        assertEquals("eap-it-laptop", permit.getString("username"), "the certificate, not the outer identity, is the user");
        assertEquals("eap-it-laptop", permit.getString("cert_cn"));
        JsonObject check = waitForEvent(org, "02:00:00:e1:00:12", "NAC_CLIENT_CERT_CHECK_SUCCESS");
        assertEquals("TLSv1.2", check.getString("tls_version"));
        assertEquals("NAC Client Certificate Validation Success", check.getString("text"));
        assertFalse(check.getString("cert_serial").isEmpty());
        // nac_clients keeps the certificate of the client's latest decision (contract client_nac: last_cert_*)
        var client = get("/api/v1/orgs/" + org + "/nac_clients/search?mac=020000e10012&duration=1h");
        assertEquals(200, client.status(), client.body());
        JsonObject row = client.json().getJsonArray("results").getJsonObject(0);
        assertEquals("eap-it-laptop", row.getString("last_cert_cn"), row.toString());
        assertEquals(check.getString("cert_serial"), row.getString("last_cert_serial"), row.toString());
    }

    @Test
    void tls13OverUdpIsAcceptedWithMatchingMppeKeys() throws Exception {
        var r = eapTls(TurnstileUnderTest.AUTH_PORT, TurnstileUnderTest.SECRET, "02:00:00:e1:00:13", "client", true);
        assertTrue(r.succeeded(), r.output());
        assertTrue(r.mppeKeysMatch(), r.output());
        JsonObject check = waitForEvent(org, "02:00:00:e1:00:13", "NAC_CLIENT_CERT_CHECK_SUCCESS");
        assertEquals("TLSv1.3", check.getString("tls_version"));
    }

    @Test
    void tls12ThroughRadsecproxyIsAcceptedWithMatchingMppeKeys() throws Exception {
        int port = startProxy();
        var r = eapTls(port, "proxy-secret", "02:00:00:e1:01:12", "client", false);
        assertTrue(r.succeeded(), r.output() + proxy.log());
        assertTrue(r.mppeKeysMatch(), r.output());
    }

    @Test
    void tls13ThroughRadsecproxyIsAcceptedWithMatchingMppeKeys() throws Exception {
        int port = startProxy();
        var r = eapTls(port, "proxy-secret", "02:00:00:e1:01:13", "client", true);
        assertTrue(r.succeeded(), r.output() + proxy.log());
        assertTrue(r.mppeKeysMatch(), r.output());
        JsonObject check = waitForEvent(org, "02:00:00:e1:01:13", "NAC_CLIENT_CERT_CHECK_SUCCESS");
        assertEquals("TLSv1.3", check.getString("tls_version"));
    }

    @Test
    void expiredCertificateIsRejected() throws Exception {
        var r = eapTls(TurnstileUnderTest.AUTH_PORT, TurnstileUnderTest.SECRET, "02:00:00:e1:00:e1", "expired", false);
        assertFalse(r.succeeded(), r.output());
        assertTrue(r.rejected(), r.output());
        JsonObject e = waitForEvent(org, "02:00:00:e1:00:e1", "NAC_CLIENT_CERT_EXPIRED");
        assertEquals("eap-it-expired", e.getString("cert_cn"));
        assertEquals("NAC Client Certificate Expired", e.getString("text"));
        waitForEvent(org, "02:00:00:e1:00:e1", "NAC_CLIENT_DENY");
    }

    /**
     * A certificate the partner CA revoked: accepted until the org uploads the CRL (contract: importOrgNacCrl),
     * rejected after, with the NAC_CLIENT_CERT_REVOKED event.
     */
    @Test
    void certificateRevokedByAnUploadedCrlIsRejected() throws Exception {
        openssl("req", "-new", "-newkey", "rsa:2048", "-nodes", "-keyout", p("revoked.key"), "-out", p("revoked.csr"),
                "-subj", "/CN=eap-it-revoked");
        openssl("ca", "-batch", "-config", p("ca.cnf"), "-in", p("revoked.csr"), "-out", p("revoked.pem"),
                "-days", "30", "-notext");
        var before = eapTls(TurnstileUnderTest.AUTH_PORT, TurnstileUnderTest.SECRET, "02:00:00:e1:00:e4", "revoked",
                false);
        assertTrue(before.succeeded(), "the partner CA is trusted: " + before.output());

        openssl("ca", "-batch", "-config", p("ca.cnf"), "-revoke", p("revoked.pem"), "-crl_reason", "keyCompromise");
        openssl("ca", "-batch", "-config", p("ca.cnf"), "-gencrl", "-crldays", "7", "-out", p("partner.crl"));
        String boundary = "----turnstile-it-crl";
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"partner.crl\"\r\n"
                + "Content-Type: application/pkix-crl\r\n\r\n" + Files.readString(dir.resolve("partner.crl"))
                + "\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"json\"\r\n\r\n"
                + "{\"name\": \"EAP IT Partner CA\"}\r\n--" + boundary + "--\r\n";
        var uploaded = TurnstileUnderTest.call("POST", "/api/v1/orgs/" + org + "/setting/mist_nac_crls",
                TurnstileUnderTest.TOKEN, "multipart/form-data; boundary=" + boundary, body);
        assertEquals(200, uploaded.status(), uploaded.body());
        String crlId = uploaded.json().getString("id");
        assertEquals("EAP IT Partner CA", uploaded.json().getString("name"));
        var listed = get("/api/v1/orgs/" + org + "/setting/mist_nac_crls");
        assertTrue(listed.body().contains(crlId), listed.body());
        try {
            var r = eapTls(TurnstileUnderTest.AUTH_PORT, TurnstileUnderTest.SECRET, "02:00:00:e1:00:e5", "revoked",
                    false);
            assertFalse(r.succeeded(), r.output());
            assertTrue(r.rejected(), r.output());
            JsonObject e = waitForEvent(org, "02:00:00:e1:00:e5", "NAC_CLIENT_CERT_REVOKED");
            assertEquals("eap-it-revoked", e.getString("cert_cn"));
            assertEquals("NAC Client Cert Revoked", e.getString("text"));
        } finally {
            assertEquals(200, TurnstileUnderTest.delete("/api/v1/orgs/" + org + "/setting/mist_nac_crls/" + crlId)
                    .status());
        }
    }

    @Test
    void certificateFromUntrustedIssuerIsRejected() throws Exception {
        var r = eapTls(TurnstileUnderTest.AUTH_PORT, TurnstileUnderTest.SECRET, "02:00:00:e1:00:e2", "rogue", true);
        assertFalse(r.succeeded(), r.output());
        assertTrue(r.rejected(), r.output());
        JsonObject e = waitForEvent(org, "02:00:00:e1:00:e2", "NAC_CLIENT_CERT_CHECK_FAILURE");
        assertEquals("eap-it-rogue", e.getString("cert_cn"));
        assertTrue(e.getString("reason").contains("trusted CA"), e.toString());
    }

    @Test
    void certificateWith1024BitKeyIsRejected() throws Exception {
        var r = eapTls(TurnstileUnderTest.AUTH_PORT, TurnstileUnderTest.SECRET, "02:00:00:e1:00:e3", "weak", false);
        assertFalse(r.succeeded(), r.output());
        assertTrue(r.rejected(), r.output());
        JsonObject e = waitForEvent(org, "02:00:00:e1:00:e3", "NAC_CLIENT_CERT_CHECK_FAILURE");
        assertTrue(e.getString("reason").contains("1024"), e.toString());
    }


    private static EapolTest.Result eapTls(int port, String secret, String mac, String cert, boolean tls13) {
        // Debian's OpenSSL refuses to even load a 1024-bit key at its default security level; level 0 lets the
        // supplicant present it, so that Turnstile is what refuses it.
        String extra = cert.equals("weak") ? "openssl_ciphers=\"DEFAULT@SECLEVEL=0\"" : null;
        return EapolTest.eapTls(dir, port, secret, mac, OUTER_IDENTITY, dir.resolve("ca.pem"),
                dir.resolve(cert + ".pem"), dir.resolve(cert + ".key"), tls13, extra);
    }

    private int startProxy() throws Exception {
        proxy = Radsecproxy.startWithOrgCertificate(dir, org, "radsecproxy-eap-it");
        return proxy.port();
    }

    private static String p(String name) {
        return dir.resolve(name).toString();
    }

    private static void openssl(String... args) throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>(List.of("openssl"));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0, String.join(" ", command) + ": " + out);
    }
}
