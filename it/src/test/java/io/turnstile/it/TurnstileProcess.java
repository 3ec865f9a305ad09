package io.turnstile.it;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A Turnstile the test starts itself ({@code ./turnstile start}, embedded H2 and Artemis on the given data directory),
 * on ports {@code httpPort}..{@code httpPort + 3}, so it can be killed and restarted without disturbing the instance
 * the rest of the suite runs against. The launcher execs java, so the process is the JVM: {@link #kill9} is a real
 * SIGKILL of Turnstile.
 */
public final class TurnstileProcess implements AutoCloseable {

    public static final String TOKEN = "it-own-instance-token-0123456789ab";

    /**
     * HTTP/1.1: the default client upgrades to h2c and keeps that connection; one opened while Payara was still
     * starting stayed wedged (every readiness probe then timed out for 10 minutes), so each probe uses plain HTTP/1.1.
     */
    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private final Path dataDir;
    private final int httpPort;
    private final Map<String, String> env;
    private Process process;

    public TurnstileProcess(Path dataDir, int httpPort, Map<String, String> env) {
        this.dataDir = dataDir;
        this.httpPort = httpPort;
        this.env = env;
    }

    /** The base port a test may use for its own instances (four ports each), or -1 if the suite gave none. */
    public static int sparePortBase() {
        return Integer.getInteger("turnstile.spare.port", -1);
    }

    public String http() {
        return "http://127.0.0.1:" + httpPort;
    }

    public int authPort() {
        return httpPort + 1;
    }

    public int acctPort() {
        return httpPort + 2;
    }

    /**
     * Starts and waits until {@code /health/ready} names Turnstile's own check (at most 10 minutes: a loaded 2-core
     * machine needs several); a start that does not get there is killed.
     */
    public TurnstileProcess start() throws IOException, InterruptedException {
        launch();
        return awaitReady();
    }

    /** Starts the process and returns at once (for tests that watch the start-up itself). */
    public TurnstileProcess launch() throws IOException {
        Files.createDirectories(dataDir);
        Path launcher = Path.of(System.getProperty("turnstile.launcher", "../turnstile")).toAbsolutePath();
        ProcessBuilder pb = new ProcessBuilder(launcher.toString(), "start")
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(dataDir.resolve("turnstile.log").toFile()));
        pb.environment().putAll(Map.of(
                "TURNSTILE_DATA_DIR", dataDir.toString(),
                "TURNSTILE_HTTP_PORT", String.valueOf(httpPort),
                "TURNSTILE_RADIUS_AUTH_PORT", String.valueOf(httpPort + 1),
                "TURNSTILE_RADIUS_ACCT_PORT", String.valueOf(httpPort + 2),
                "TURNSTILE_RADSEC_PORT", String.valueOf(httpPort + 3),
                "TURNSTILE_BIND_ADDRESS", "127.0.0.1",
                "TURNSTILE_BOOTSTRAP_TOKEN", TOKEN,
                "TURNSTILE_JAVA_OPTS", "-Xms128m -Xmx512m"));
        pb.environment().remove("TURNSTILE_DB_URL");
        pb.environment().remove("TURNSTILE_JMS_URL");
        pb.environment().putAll(env);
        process = pb.start();
        return this;
    }

    /** Whether the launched process is still running. */
    public boolean alive() {
        return process != null && process.isAlive();
    }

    private TurnstileProcess awaitReady() throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(10);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Turnstile exited during start-up, see " + dataDir.resolve("turnstile.log"));
            }
            try {
                HttpResponse<String> r = CLIENT.send(HttpRequest.newBuilder(URI.create(http() + "/health/ready"))
                        .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200 && r.body().replaceAll("\\s", "").contains("\"name\":\"turnstile\"")) {
                    return this;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(1000);
        }
        close();
        throw new IllegalStateException("Turnstile not ready after 10 minutes, see " + dataDir.resolve("turnstile.log"));
    }

    public TurnstileUnderTest.Response call(String method, String path, String json) {
        var builder = HttpRequest.newBuilder(URI.create(http() + path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Token " + TOKEN);
        if (json != null) {
            builder.header("Content-Type", "application/json");
        }
        builder.method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(json));
        try {
            HttpResponse<String> r = CLIENT.send(builder.build(), HttpResponse.BodyHandlers.ofString());
            return new TurnstileUnderTest.Response(r.statusCode(), r.body());
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A metric from {@code /metrics} (Prometheus text, first series of that name), 0 if not exported yet. */
    public double metric(String name) {
        var r = call("GET", "/metrics", null);
        if (r.status() != 200) {
            throw new AssertionError("GET /metrics: " + r);
        }
        var m = java.util.regex.Pattern.compile("(?m)^" + java.util.regex.Pattern.quote(name)
                + "(?:\\{[^}]*\\})?\\s+([0-9.eE+-]+)$").matcher(r.body());
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }

    /** The organisation of the bootstrap token. */
    public String orgId() {
        return call("GET", "/api/v1/self", null).json().getJsonArray("privileges").getJsonObject(0)
                .getString("org_id");
    }

    /**
     * Adds 127.0.0.1 as a RADIUS client (an mxcluster with this secret) and waits until a MAB request is answered:
     * the adapter's client cache learns the new client within its 5 s lifetime.
     */
    public String addLocalRadiusClient(String org, String secret) throws InterruptedException {
        var cluster = call("POST", "/api/v1/orgs/" + org + "/mxclusters", """
                {"name": "own-instance", "mist_nac": {"enabled": true, "secret": "%s",
                  "client_ips": {"127.0.0.1": {}}}}""".formatted(secret));
        if (cluster.status() != 200) {
            throw new AssertionError("creating the RADIUS client failed: " + cluster);
        }
        for (int i = 0; i < 30; i++) {
            if (Radclient.send(authPort(), "auth", secret, Radclient.mab("02d0d0000000")).rejected()) {
                return org;
            }
            Thread.sleep(1000);
        }
        throw new AssertionError("the new Turnstile never answered");
    }

    /** SIGKILL: no shutdown hook, no flush, no orderly broker stop. */
    public void kill9() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroyForcibly();
            process.waitFor(60, TimeUnit.SECONDS);
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(30, TimeUnit.SECONDS);
            }
        }
    }
}
