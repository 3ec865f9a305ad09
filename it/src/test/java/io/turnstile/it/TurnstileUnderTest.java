package io.turnstile.it;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonStructure;
import jakarta.json.JsonValue;

import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * The running Turnstile the suite was started against ({@code ./turnstile test} passes its address and bootstrap
 * token as system properties), with a small REST client for its API.
 */
public final class TurnstileUnderTest {

    public record Response(int status, String body) {
        public JsonObject json() {
            return (JsonObject) parse();
        }

        public JsonArray array() {
            return (JsonArray) parse();
        }

        private JsonStructure parse() {
            try (var r = Json.createReader(new StringReader(body))) {
                return r.read();
            }
        }
    }

    public static final String HTTP = System.getProperty("turnstile.http", "http://127.0.0.1:8080");
    public static final String TOKEN = System.getProperty("turnstile.token", "");
    public static final int AUTH_PORT = Integer.getInteger("turnstile.auth.port", 1812);
    public static final int ACCT_PORT = Integer.getInteger("turnstile.acct.port", 1813);
    public static final int RADSEC_PORT = Integer.getInteger("turnstile.radsec.port", 2083);
    public static final String SECRET = "it-shared-secret";
    public static final String OPT_OUT_SECRET = "it-secret-without-ma";

    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private TurnstileUnderTest() {
    }

    public static boolean enabled() {
        return Boolean.getBoolean("turnstile.it");
    }

    public static Response call(String method, String path, String token, String contentType, String body) {
        var builder = HttpRequest.newBuilder(URI.create(HTTP + path)).timeout(Duration.ofSeconds(30));
        if (token != null) {
            builder.header("Authorization", "Token " + token);
        }
        if (body != null) {
            builder.header("Content-Type", contentType);
        }
        builder.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body));
        try {
            HttpResponse<String> r = CLIENT.send(builder.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(r.statusCode(), r.body());
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static Response get(String path) {
        return call("GET", path, TOKEN, null, null);
    }

    public static Response post(String path, String json) {
        return call("POST", path, TOKEN, "application/json", json);
    }

    public static Response put(String path, String json) {
        return call("PUT", path, TOKEN, "application/json", json);
    }

    public static Response delete(String path) {
        return call("DELETE", path, TOKEN, null, null);
    }

    /** The organisation of the bootstrap token, from {@code GET /api/v1/self}. */
    public static String orgId() {
        Response self = get("/api/v1/self");
        if (self.status() != 200) {
            throw new IllegalStateException("GET /api/v1/self: " + self);
        }
        return self.json().getJsonArray("privileges").getJsonObject(0).getString("org_id");
    }

    /**
     * Makes sure 127.0.0.1 is a RADIUS client (secret {@link #SECRET}, Message-Authenticator required) and
     * 127.0.0.3 one that opted out of the Message-Authenticator requirement. Idempotent across test classes.
     */
    public static synchronized String ensureRadiusClients() {
        String org = orgId();
        JsonArray clusters = get("/api/v1/orgs/" + org + "/mxclusters").array();
        for (JsonValue v : clusters) {
            if ("it-cluster".equals(v.asJsonObject().getString("name", ""))) {
                return org;
            }
        }
        Response created = post("/api/v1/orgs/" + org + "/mxclusters", """
                {"name": "it-cluster", "mist_nac": {"enabled": true, "secret": "%s",
                  "client_ips": {"127.0.0.1": {"vendor": "generic"},
                                 "127.0.0.3/32": {"secret": "%s", "vendor": "aruba", "require_message_authenticator": false}}}}
                """.formatted(SECRET, OPT_OUT_SECRET));
        if (created.status() != 200) {
            throw new IllegalStateException("creating the RADIUS clients failed: " + created);
        }
        return org;
    }

    /**
     * The newest event of this type for this MAC (any notation) in the last hour, waiting up to 20 s for the event
     * pipeline (JMS, then a batch insert) to write it.
     */
    public static jakarta.json.JsonObject waitForEvent(String org, String mac, String type)
            throws InterruptedException {
        return waitForEvent(TurnstileUnderTest::get, org, mac, type);
    }

    /** As above, on the Turnstile {@code get} calls (e.g. a {@link TurnstileProcess} of the test's own). */
    public static jakarta.json.JsonObject waitForEvent(java.util.function.Function<String, Response> get, String org,
                                                       String mac, String type) throws InterruptedException {
        String compact = mac.replace(":", "").replace("-", "");
        for (int i = 0; i < 80; i++) {
            Response r = get.apply("/api/v1/orgs/" + org + "/nac_clients/events/search?mac=" + compact + "&type="
                    + type + "&duration=1h");
            if (r.status() != 200) {
                throw new AssertionError("events search answered " + r.status() + ": " + r.body());
            }
            var results = r.json().getJsonArray("results");
            if (!results.isEmpty()) {
                return results.getJsonObject(0);
            }
            Thread.sleep(250);
        }
        throw new AssertionError("no " + type + " event for " + mac);
    }
}
