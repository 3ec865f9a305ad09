package io.turnstile.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code GET /health/ready} answers 200 only once Turnstile is really up: from the launch of an instance of its own,
 * every 100 ms, readiness and then {@code GET /api/v1/self} are asked; whenever readiness said 200, the API (deployed
 * in the same WAR as the RADIUS listeners' MDBs) must have answered too, and the report must name Turnstile's check
 * with its listeners bound. Payara Micro's own endpoint said 200 for about 10 s of each start while only the resource
 * adapters were deployed; it is off, and the WAR serves the endpoint.
 */
class ReadinessIT {

    static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();

    @BeforeAll
    static void onlyOnce() {
        assumeTrue(TurnstileUnderTest.enabled(), "integration tests run through ./turnstile test");
        assumeTrue("h2".equals(System.getProperty("turnstile.profile", "h2")), "runs once, on the h2 profile");
        assumeTrue(TurnstileProcess.sparePortBase() > 0, "no spare ports given (turnstile.spare.port)");
    }

    static int status(String url, String token, StringBuilder body) throws InterruptedException {
        var b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5));
        if (token != null) {
            b.header("Authorization", "Token " + token);
        }
        try {
            HttpResponse<String> r = CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofString());
            if (body != null) {
                body.setLength(0);
                body.append(r.body());
            }
            return r.statusCode();
        } catch (IOException e) {
            return 0; // not listening yet
        }
    }

    @Test
    void readyOnlyOnceTheApiAndTheListenersAre() throws Exception {
        Path dir = Path.of("target", "readiness", String.valueOf(System.currentTimeMillis())).toAbsolutePath();
        try (TurnstileProcess ts = new TurnstileProcess(dir, TurnstileProcess.sparePortBase() + 8, Map.of()).launch()) {
            List<String> transitions = new ArrayList<>();
            String last = "";
            StringBuilder report = new StringBuilder();
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(10);
            int readyInARow = 0;
            while (readyInARow < 10) {
                assertTrue(System.nanoTime() < deadline, "not ready after 10 minutes: " + transitions);
                assertTrue(ts.alive(), "Turnstile exited during start-up: " + transitions);
                int ready = status(ts.http() + "/health/ready", null, report);
                int self = status(ts.http() + "/api/v1/self", TurnstileProcess.TOKEN, null);
                String now = "ready=" + ready + " self=" + self;
                if (!now.equals(last)) {
                    transitions.add(now);
                    last = now;
                }
                if (ready == 200) {
                    assertEquals(200, self, "readiness said 200 before the API answered: " + transitions);
                    String compact = report.toString().replaceAll("\\s", "");
                    assertTrue(compact.contains("\"name\":\"turnstile\"") && compact.contains("\"status\":\"UP\"")
                            && compact.contains("\"radius.auth\":\"bound"), report.toString());
                    readyInARow++;
                }
                Thread.sleep(100);
            }
            // The test watched the start-up itself, not a server that was already up on these ports.
            assertTrue(!transitions.get(0).startsWith("ready=200"), transitions.toString());
        }
    }
}
