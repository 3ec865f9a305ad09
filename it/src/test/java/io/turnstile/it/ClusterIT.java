package io.turnstile.it;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The production path of the design card: two Turnstile nodes (Payara Micro, clustered through its Hazelcast data
 * grid with {@code TURNSTILE_CLUSTER_MEMBERS}) on one PostgreSQL database, sending their NAC events to an external
 * ActiveMQ Artemis broker (the real distribution, {@code it/scripts/artemis.sh}, login required), with one shared
 * {@code TURNSTILE_SECRET_KEY}. Node A is configured through its REST API; node B must apply each change at once,
 * through the grid ({@code turnstile_cluster_changes_received_total} grows on B), not only after its periodic reloads
 * (30 s for RADIUS clients and API tokens). Last, B answers MAB requests and is killed with SIGKILL: every answered
 * decision's event must still reach the database, through the broker. And a third node given another secret key
 * refuses to start (Flyway V20's check value) rather than run without the secrets it cannot open.
 *
 * <p>Runs on the postgresql profile only, when the suite started the broker ({@code turnstile.artemis.url}).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterIT {

    static final String SECRET_1 = "cluster-secret-one";
    static final String SECRET_2 = "cluster-secret-two";
    static final String SSID = "ClusterKill";
    static final int N = 60;
    /** Well inside the 30 s reload of RADIUS clients and tokens, so only the grid can make it. */
    static final long PROMPT_MILLIS = 8_000;

    static TurnstileProcess a;
    static TurnstileProcess b;
    static Map<String, String> env;
    static Path dir;
    static String org;
    static String clusterId;

    @BeforeAll
    static void startTwoNodes() throws Exception {
        assumeTrue(TurnstileUnderTest.enabled(), "integration tests run through ./turnstile test");
        assumeTrue(System.getProperty("turnstile.artemis.url") != null,
                "needs the external Artemis broker the suite starts for the postgresql profile");
        assumeTrue(TurnstileProcess.sparePortBase() > 0, "no spare ports given (turnstile.spare.port)");
        int spare = TurnstileProcess.sparePortBase();
        int httpA = spare + 12;
        int httpB = spare + 16;
        int gridA = spare + 20;
        int gridB = spare + 21;
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        env = new HashMap<>(Map.of(
                "TURNSTILE_DB_URL", System.getProperty("turnstile.cluster.db"),
                "TURNSTILE_DB_USER", "turnstile",
                "TURNSTILE_DB_PASSWORD", "turnstile-it",
                "TURNSTILE_JMS_URL", System.getProperty("turnstile.artemis.url"),
                "TURNSTILE_JMS_USER", "turnstile",
                "TURNSTILE_JMS_PASSWORD", "turnstile-it",
                "TURNSTILE_SECRET_KEY", Base64.getEncoder().encodeToString(key),
                "TURNSTILE_CLUSTER_MEMBERS", "127.0.0.1:" + gridA + ",127.0.0.1:" + gridB,
                "TURNSTILE_CLUSTER_INTERFACE", "127.0.0.1",
                "TURNSTILE_CLUSTER_NAME", "turnstile-it-" + spare));
        dir = Path.of("target", "cluster", String.valueOf(System.currentTimeMillis())).toAbsolutePath();
        // A first: on an empty database the first node creates the organisation (OrgBootstrap: start one node first).
        a = new TurnstileProcess(dir.resolve("a"), httpA, with(env, "TURNSTILE_CLUSTER_PORT", gridA, "node-a")).start();
        b = new TurnstileProcess(dir.resolve("b"), httpB, with(env, "TURNSTILE_CLUSTER_PORT", gridB, "node-b")).start();
        org = a.orgId();
    }

    private static Map<String, String> with(Map<String, String> env, String portVar, int port, String name) {
        Map<String, String> m = new HashMap<>(env);
        m.put(portVar, String.valueOf(port));
        m.put("TURNSTILE_NODE_NAME", name);
        return m;
    }

    @AfterAll
    static void stop() throws InterruptedException {
        if (b != null) {
            b.close();
        }
        if (a != null) {
            a.close();
        }
    }

    @Test
    @Order(1)
    void bothNodesAreMembersOfOneDataGrid() throws InterruptedException {
        assertTrue(eventually(60_000, () -> metric(a, "turnstile_cluster_members") == 2
                        && metric(b, "turnstile_cluster_members") == 2),
                "grid members: A " + metric(a, "turnstile_cluster_members") + ", B "
                        + metric(b, "turnstile_cluster_members"));
        assertEquals(org, b.orgId(), "both nodes serve the organisation of the shared database");
    }

    @Test
    @Order(2)
    void anApiTokenIssuedOrRevokedOnANodeAppliesOnTheOtherAtOnce() throws InterruptedException {
        double before = metric(b, "turnstile_cluster_changes_received_total");
        var issued = a.call("POST", "/api/v1/orgs/" + org + "/apitokens", """
                {"name": "cluster-it", "privileges": [{"scope": "org", "role": "admin", "org_id": "%s"}]}"""
                .formatted(org));
        assertEquals(200, issued.status(), issued.body());
        String key = issued.json().getString("key");
        String id = issued.json().getString("id");
        assertTrue(eventually(PROMPT_MILLIS, () -> selfStatus(b, key) == 200),
                "B must accept a token issued on A at once; it answered " + selfStatus(b, key));
        assertTrue(metric(b, "turnstile_cluster_changes_received_total") > before, "the change came through the grid");

        var revoked = a.call("DELETE", "/api/v1/orgs/" + org + "/apitokens/" + id, null);
        assertEquals(200, revoked.status(), revoked.body());
        assertTrue(eventually(PROMPT_MILLIS, () -> selfStatus(b, key) == 401),
                "B must refuse a token revoked on A at once; it answered " + selfStatus(b, key));
    }

    @Test
    @Order(3)
    void radiusClientsAndEndpointsChangedOnANodeApplyOnTheOtherAtOnce() throws InterruptedException {
        var cluster = a.call("POST", "/api/v1/orgs/" + org + "/mxclusters", """
                {"name": "cluster-it", "mist_nac": {"enabled": true, "secret": "%s", "client_ips": {"127.0.0.1": {}}}}"""
                .formatted(SECRET_1));
        assertEquals(200, cluster.status(), cluster.body());
        clusterId = cluster.json().getString("id");
        var endpoint = a.call("POST", "/api/v1/orgs/" + org + "/usermacs", """
                {"mac": "00:1c:c1:00:00:01", "name": "cluster-camera", "vlan": "231"}""");
        assertEquals(200, endpoint.status(), endpoint.body());

        // The secret decrypts on B (shared TURNSTILE_SECRET_KEY) and the endpoint comes from the shared database.
        assertTrue(eventually(PROMPT_MILLIS, () -> {
            var r = Radclient.send(b.authPort(), "auth", SECRET_1, Radclient.mab("001cc1000001"));
            return r.accepted() && r.has("Tunnel-Private-Group-Id", "\"231\"");
        }), "B must accept the endpoint for the RADIUS client created on A");

        double before = metric(b, "turnstile_cluster_changes_received_total");
        var changed = a.call("PUT", "/api/v1/orgs/" + org + "/mxclusters/" + clusterId, """
                {"name": "cluster-it", "mist_nac": {"enabled": true, "secret": "%s", "client_ips": {"127.0.0.1": {}}}}"""
                .formatted(SECRET_2));
        assertEquals(200, changed.status(), changed.body());
        assertTrue(eventually(PROMPT_MILLIS, () ->
                        Radclient.send(b.authPort(), "auth", SECRET_2, Radclient.mab("001cc1000001")).accepted()),
                "B must use the secret changed on A at once");
        assertTrue(Radclient.send(b.authPort(), "auth", SECRET_1, Radclient.mab("001cc1000001")).noReply(),
                "B must drop requests signed with the old secret");
        assertTrue(metric(b, "turnstile_cluster_changes_received_total") > before, "the change came through the grid");

        var deleted = a.call("DELETE", "/api/v1/orgs/" + org + "/usermacs/"
                + endpoint.json().getString("id"), null);
        assertEquals(200, deleted.status(), deleted.body());
        assertTrue(eventually(PROMPT_MILLIS, () ->
                        Radclient.send(b.authPort(), "auth", SECRET_2, Radclient.mab("001cc1000001")).rejected()),
                "B must reject an endpoint deleted on A");
    }

    @Test
    @Order(4)
    void changesAreNotEchoedBackAndForth() throws InterruptedException {
        // Each node replays what it receives as a local event; were a replay published again, the two nodes would
        // send each change to each other for ever and these counters would keep growing.
        Thread.sleep(2_000);
        double sentA = metric(a, "turnstile_cluster_changes_sent_total");
        double sentB = metric(b, "turnstile_cluster_changes_sent_total");
        double receivedB = metric(b, "turnstile_cluster_changes_received_total");
        Thread.sleep(3_000);
        assertEquals(sentA, metric(a, "turnstile_cluster_changes_sent_total"), "A keeps sending");
        assertEquals(sentB, metric(b, "turnstile_cluster_changes_sent_total"), "B keeps sending");
        assertEquals(0.0, sentB, "B changed nothing, so it sent nothing");
        assertTrue(receivedB >= 5 && receivedB <= sentA, "B received " + receivedB + " of the " + sentA + " A sent");
    }

    @Test
    @Order(5)
    void eventsOfANodeKilledAfterAnsweringReachTheDatabaseThroughTheBroker() throws Exception {
        long addedBefore = brokerMessagesAdded();
        String out = radclientParallel(b.authPort());
        int answeredBeforeDurable = (int) metric(b, "turnstile_events_answered_before_durable_total");
        b.kill9();
        assertEquals(N, Radclient.summaryCount(out, "Rejected"), "B must answer every request before the kill: " + tail(out));
        // B is gone for good: whatever it had not written itself, A's MDB takes from the broker.
        int expected = N - answeredBeforeDurable;
        int[] seen = {0};
        assertTrue(eventually(120_000, () -> (seen[0] = total(a)) >= expected),
                "NAC events of B's answered decisions after its kill -9: " + seen[0] + " of " + N + " ("
                        + answeredBeforeDurable + " answered before their event was durable)");
        assertTrue(seen[0] <= N, "no duplicates: " + seen[0]);
        assertTrue(answeredBeforeDurable < N / 2, "most replies waited for their event to reach the broker: "
                + answeredBeforeDurable + " of " + N + " did not");
        long added = brokerMessagesAdded() - addedBefore;
        assertTrue(added >= 1, "the events travelled through the external broker (messages added: " + added + ")");
    }

    @Test
    @Order(6)
    void aNodeWithAnotherSecretKeyRefusesToStart() throws Exception {
        Map<String, String> other = new HashMap<>(env);
        other.keySet().removeIf(k -> k.startsWith("TURNSTILE_CLUSTER_"));
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        other.put("TURNSTILE_SECRET_KEY", Base64.getEncoder().encodeToString(key));
        Path log = dir.resolve("c").resolve("turnstile.log");
        try (TurnstileProcess c = new TurnstileProcess(dir.resolve("c"), TurnstileProcess.sparePortBase() + 24, other)
                .launch()) {
            boolean refused = eventually(300_000, () -> logContains(log, "Refusing to start") || !c.alive());
            assertTrue(refused && logContains(log, "is not the key that sealed the secrets in this database"),
                    "a node with another key must say why it does not start; see " + log);
            var ready = probe(c.http() + "/health/ready", null);
            assertTrue(ready != 200, "a node with another key must never be ready, got " + ready);
        }
        // the refused node sealed nothing: A still opens every secret (its RADIUS client answers with the secret)
        assertTrue(Radclient.send(a.authPort(), "auth", SECRET_2, Radclient.mab("001cc1000001")).rejected());
    }

    // ------------------------------------------------------------------------------------------------ helpers

    private static boolean logContains(Path log, String text) {
        try {
            return Files.exists(log) && Files.readString(log, StandardCharsets.UTF_8).contains(text);
        } catch (IOException e) {
            return false;
        }
    }

    /** The status of a GET (with an API token if given), -1 if nothing answers. */
    private static int probe(String url, String token) {
        var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create(url));
        if (token != null) {
            request.header("Authorization", "Token " + token);
        }
        try {
            return java.net.http.HttpClient.newBuilder().version(java.net.http.HttpClient.Version.HTTP_1_1).build()
                    .send(request.build(), java.net.http.HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }


    private static int selfStatus(TurnstileProcess node, String key) {
        return probe(node.http() + "/api/v1/self", key);
    }

    static double metric(TurnstileProcess node, String name) {
        return node.metric(name);
    }

    private static boolean eventually(long millis, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.currentTimeMillis() + millis;
        do {
            if (condition.getAsBoolean()) {
                return true;
            }
            Thread.sleep(250);
        } while (System.currentTimeMillis() < deadline);
        return condition.getAsBoolean();
    }

    private static int total(TurnstileProcess node) {
        var r = node.call("GET", "/api/v1/orgs/" + org
                + "/nac_clients/events/search?type=NAC_CLIENT_DENY&ssid=" + SSID + "&duration=1d&limit=1", null);
        assertEquals(200, r.status(), r.body());
        return r.json().getInt("total");
    }

    private static long brokerMessagesAdded() throws IOException, InterruptedException {
        Path script = Path.of("scripts", "artemis.sh").toAbsolutePath();
        String url = System.getProperty("turnstile.artemis.url");
        String port = url.substring(url.lastIndexOf(':') + 1);
        Process p = new ProcessBuilder(script.toString(), "count", System.getProperty("turnstile.artemis.dir"), port,
                "turnstile.nac-events", "messagesAdded").redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "artemis queue stat hung");
        assertEquals(0, p.exitValue(), "artemis.sh count failed: " + out);
        return Long.parseLong(out);
    }

    /** N requests for N unknown MACs, 8 in flight (radclient -p), each answered by an Access-Reject. */
    private static String radclientParallel(int port) throws IOException, InterruptedException {
        return Radclient.sendMany(port, "auth", SECRET_2, Radclient.mabBurst("001cd0", SSID, N), 8);
    }

    private static String tail(String out) {
        return out.length() > 2000 ? out.substring(out.length() - 2000) : out;
    }
}
