package io.turnstile.it.ldap;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A private OpenLDAP {@code slapd} (Debian package slapd) for a test, through {@code it/scripts/slapd.sh}: LDAPS on
 * 127.0.0.1 with a CA and server certificate made by openssl, the fixture {@code ldap/directory.ldif} loaded, stopped
 * by pid. Reusable by other ITs (EAP-TTLS/PAP).
 */
public final class Slapd implements AutoCloseable {

    public static final String BASE_DN = "dc=turnstile,dc=test";
    public static final String BIND_DN = "cn=nas,ou=services,dc=turnstile,dc=test";
    public static final String BIND_PASSWORD = "nas-bind-secret";

    private static final Path SCRIPT = Path.of(System.getProperty("user.dir")).resolve("scripts/slapd.sh");

    private final Path dir;
    private final int port;

    private Slapd(Path dir, int port) {
        this.dir = dir;
        this.port = port;
    }

    /** Starts an instance in a new directory under {@code target/} with the fixture loaded. */
    public static Slapd start(String name, int port) throws IOException, InterruptedException {
        Path dir = Path.of(System.getProperty("user.dir"), "target", "slapd-" + name + "-" + port);
        if (Files.exists(dir)) {
            script("stop", dir.toString());
            try (var paths = Files.walk(dir)) {
                paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        Files.createDirectories(dir);
        Path ldif = Path.of(System.getProperty("user.dir"), "src/test/resources/ldap/directory.ldif");
        script("start", dir.toString(), Integer.toString(port), ldif.toString());
        return new Slapd(dir, port);
    }

    /** A port for this run's slapd: the suite gives each profile its own HTTP port; slapd uses HTTP + 50 + offset. */
    public static int port(int offset) {
        int http = Integer.parseInt(System.getProperty("turnstile.http", "http://127.0.0.1:8080")
                .replaceAll(".*:(\\d+)/?$", "$1"));
        return Integer.getInteger("turnstile.ldap.port", http + 50) + offset;
    }

    public int port() {
        return port;
    }

    public String host() {
        return "127.0.0.1:" + port;
    }

    /** The PEM CA certificate the server certificate chains to. */
    public String caPem() throws IOException {
        return Files.readString(dir.resolve("ca.pem"), StandardCharsets.US_ASCII);
    }

    /** SIGSTOP: the kernel still accepts connections, slapd answers nothing (a hung directory). */
    public void pause() throws IOException, InterruptedException {
        script("pause", dir.toString());
    }

    public void resume() throws IOException, InterruptedException {
        script("resume", dir.toString());
    }

    @Override
    public void close() throws IOException, InterruptedException {
        script("stop", dir.toString());
    }

    private static void script(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add("bash");
        command.add(SCRIPT.toString());
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            p.destroyForcibly();
            throw new IOException("slapd.sh " + String.join(" ", args) + " failed: " + out);
        }
    }
}
