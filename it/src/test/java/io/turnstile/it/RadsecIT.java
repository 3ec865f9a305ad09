package io.turnstile.it;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static io.turnstile.it.TurnstileUnderTest.post;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * RadSec (RFC 6614) with a real peer: radclient → radsecproxy (UDP in, TLS out with a client certificate) →
 * Turnstile's RadSec listener. The client certificate is issued by the organisation's CA from a CSR made with openssl;
 * a self-signed certificate is refused.
 */
class RadsecIT {

    static String org;
    static Path dir;
    Radsecproxy proxy;

    @BeforeAll
    static void setUp() throws Exception {
        assumeTrue(TurnstileUnderTest.enabled(), "integration tests run through ./turnstile test");
        org = TurnstileUnderTest.ensureRadiusClients();
        var r = post("/api/v1/orgs/" + org + "/usermacs", "{\"mac\": \"001b2c3d4e50\", \"vlan\": \"50\"}");
        assertTrue(r.status() == 200 || r.body().contains("already"), r.toString());
        dir = Files.createTempDirectory(Path.of("target"), "radsec");
        run("openssl", "req", "-new", "-newkey", "rsa:2048", "-nodes", "-keyout", dir.resolve("client.key").toString(),
                "-out", dir.resolve("client.csr").toString(), "-subj", "/CN=radsecproxy-it");
        String csr = Files.readString(dir.resolve("client.csr"));
        var issued = post("/api/v1/orgs/" + org + "/cert/issue_client",
                jsonObject("common_name", "radsecproxy-it", "csr", csr));
        assertEquals(200, issued.status(), issued.body());
        Files.writeString(dir.resolve("client.pem"), issued.json().getString("cert"));
        var ca = TurnstileUnderTest.get("/api/v1/orgs/" + org + "/cert");
        assertEquals(200, ca.status(), ca.body());
        Files.writeString(dir.resolve("ca.pem"), ca.json().getString("cert"));
        run("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "30", "-subj", "/CN=intruder",
                "-keyout", dir.resolve("intruder.key").toString(), "-out", dir.resolve("intruder.pem").toString());
    }

    @AfterEach
    void stopProxy() throws InterruptedException {
        if (proxy != null) {
            proxy.close();
            proxy = null;
        }
    }

    @Test
    void mabThroughRadsecproxyIsAccepted() throws Exception {
        int port = startProxy("client.pem", "client.key");
        var result = Radclient.send(port, "auth", "proxy-secret", Radclient.mab("001b2c3d4e50"));
        assertTrue(result.accepted(), result.output() + proxy.log());
        assertTrue(result.has("Tunnel-Private-Group-Id", "\"50\""), result.output());
    }

    @Test
    void untrustedClientCertificateIsRefused() throws Exception {
        int port = startProxy("intruder.pem", "intruder.key");
        var result = Radclient.send(port, "auth", "proxy-secret", Radclient.mab("001b2c3d4e50"));
        assertTrue(result.noReply(), result.output());

    }

    private int startProxy(String cert, String key) throws Exception {
        proxy = Radsecproxy.start(dir, dir.resolve("ca.pem"), dir.resolve(cert), dir.resolve(key));
        return proxy.port();
    }

    private static String jsonObject(String k1, String v1, String k2, String v2) {
        var b = jakarta.json.Json.createObjectBuilder().add(k1, v1).add(k2, v2).build();
        return b.toString();
    }

    private static void run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0, String.join(" ", command) + ": " + out);
    }
}
