package io.turnstile.it;

import java.io.IOException;
import java.net.DatagramSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * A real radsecproxy (Debian package) in front of Turnstile: RADIUS over UDP in (shared secret {@link #SECRET}), RadSec
 * (RFC 6614) out to Turnstile's RadSec port with the given client certificate. One instance per test; close it after.
 */
final class Radsecproxy implements AutoCloseable {

    /** The shared secret between the UDP client (radclient, eapol_test) and radsecproxy. */
    static final String SECRET = "proxy-secret";

    private final Process process;
    private final Path log;
    private final int port;

    private Radsecproxy(Process process, Path log, int port) {
        this.process = process;
        this.log = log;
        this.port = port;
    }

    /**
     * Starts radsecproxy with a client certificate the org CA issues for it ({@code cert/issue_client}), so Turnstile
     * trusts the RadSec peer; {@code dir} must hold the org CA as {@code ca.pem}.
     */
    static Radsecproxy startWithOrgCertificate(Path dir, String org, String commonName) throws Exception {
        Path key = dir.resolve(commonName + ".key");
        Path csr = dir.resolve(commonName + ".csr");
        Process openssl = new ProcessBuilder("openssl", "req", "-new", "-newkey", "rsa:2048", "-nodes", "-keyout",
                key.toString(), "-out", csr.toString(), "-subj", "/CN=" + commonName).redirectErrorStream(true).start();
        String out = new String(openssl.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        if (!openssl.waitFor(60, TimeUnit.SECONDS) || openssl.exitValue() != 0) {
            throw new AssertionError("openssl req: " + out);
        }
        var issued = TurnstileUnderTest.post("/api/v1/orgs/" + org + "/cert/issue_client",
                jakarta.json.Json.createObjectBuilder().add("csr", Files.readString(csr)).build().toString());
        if (issued.status() != 200) {
            throw new AssertionError("cert/issue_client: " + issued.status() + " " + issued.body());
        }
        Path cert = dir.resolve(commonName + ".pem");
        Files.writeString(cert, issued.json().getString("cert"));
        return start(dir, dir.resolve("ca.pem"), cert, key);
    }

    /** Starts radsecproxy on a free UDP port of 127.0.0.1; fails the test if it exits at once. */
    static Radsecproxy start(Path dir, Path caPem, Path certPem, Path keyPem) throws Exception {
        int port;
        try (var probe = new DatagramSocket(0)) {
            port = probe.getLocalPort();
        }
        Path conf = dir.resolve("radsecproxy-" + port + ".conf");
        Files.writeString(conf, """
                ListenUDP 127.0.0.1:%d
                LogLevel 4
                tls turnstile {
                    CACertificateFile %s
                    CertificateFile %s
                    CertificateKeyFile %s
                }
                client udp-peer {
                    host 127.0.0.1
                    type udp
                    secret %s
                }
                server turnstile {
                    host 127.0.0.1
                    port %d
                    type tls
                    tls turnstile
                    secret radsec
                    CertificateNameCheck off
                }
                realm * {
                    server turnstile
                }
                """.formatted(port, caPem, certPem, keyPem, SECRET, TurnstileUnderTest.RADSEC_PORT));
        Path log = dir.resolve("radsecproxy-" + port + ".out");
        Process process = new ProcessBuilder("radsecproxy", "-f", "-c", conf.toString()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        Thread.sleep(1500);
        var proxy = new Radsecproxy(process, log, port);
        if (!process.isAlive()) {
            throw new AssertionError("radsecproxy exited: " + proxy.log());
        }
        return proxy;
    }

    int port() {
        return port;
    }

    /** radsecproxy's own output, for assertion messages. */
    String log() {
        try {
            return Files.exists(log) ? "\nradsecproxy:\n" + Files.readString(log) : "";
        } catch (IOException e) {
            return "\nradsecproxy log unreadable: " + e;
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        process.waitFor(5, TimeUnit.SECONDS);
    }
}
