package io.turnstile.it;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * An answered decision's NAC event survives kill -9: N MAB requests (real radclient, in parallel) are answered, the
 * JVM is SIGKILLed at once, Turnstile restarts on the same data directory, and all N events become searchable (they
 * were in the embedded broker's persistent journal under the data directory before each reply left). Runs its own
 * Turnstile (H2, in-VM Artemis) on the suite's spare ports, on the h2 profile only.
 */
class EventDurabilityIT {

    static final int N = 100;
    static final String SECRET = "durability-secret";
    /** The SSID of the N requests only (not of the probe), so the count is exactly theirs. */
    static final String SSID = "Durability";

    @BeforeAll
    static void onlyOnce() {
        assumeTrue(TurnstileUnderTest.enabled(), "integration tests run through ./turnstile test");
        assumeTrue("h2".equals(System.getProperty("turnstile.profile", "h2")), "runs once, on the h2 profile");
        assumeTrue(TurnstileProcess.sparePortBase() > 0, "no spare ports given (turnstile.spare.port)");
    }

    @Test
    void everyAnsweredDecisionIsSearchableAfterKill9AndRestart() throws Exception {
        Path dir = Path.of("target", "event-durability", String.valueOf(System.currentTimeMillis())).toAbsolutePath();
        int port = TurnstileProcess.sparePortBase();
        String org;
        try (TurnstileProcess ts = new TurnstileProcess(dir, port, Map.of()).start()) {
            org = ts.addLocalRadiusClient(ts.orgId(), SECRET);

            String out = radclientParallel(ts.authPort());
            // A reply whose event was not journaled within turnstile.events.durable-wait-millis left anyway and is
            // counted; only those may be lost (README: the guarantee is bounded by that wait).
            int answeredBeforeDurable = answeredBeforeDurable(ts);
            ts.kill9();
            // radclient -s prints a packet summary: "Rejected : N" (answered with Access-Reject), "Lost : M"
            assertEquals(N, Radclient.summaryCount(out, "Rejected"), "every request must be answered before the kill: "
                    + tail(out));

            try (TurnstileProcess again = new TurnstileProcess(dir, port, Map.of()).start()) {
                assertTrue(answeredBeforeDurable < N / 2, "most replies must wait for their event to be journaled: "
                        + answeredBeforeDurable + " of " + N + " did not");
                int expected = N - answeredBeforeDurable;
                int seen = 0;
                for (int i = 0; i < 120 && seen < expected; i++) {
                    seen = total(again, org);
                    if (seen < expected) {
                        Thread.sleep(500);
                    }
                }
                assertTrue(seen >= expected && seen <= N, "NAC events after kill -9 and restart: " + seen + " of " + N
                        + " answered, " + answeredBeforeDurable + " answered before their event was journaled");
            }
        }
    }

    /** {@code turnstile_events_answered_before_durable_total} from {@code /metrics} (0 if not exported yet). */
    private static int answeredBeforeDurable(TurnstileProcess ts) {
        return (int) ts.metric("turnstile_events_answered_before_durable_total");
    }

    private static int total(TurnstileProcess ts, String org) {
        var r = ts.call("GET", "/api/v1/orgs/" + org
                + "/nac_clients/events/search?type=NAC_CLIENT_DENY&ssid=" + SSID + "&duration=1d&limit=1", null);
        assertEquals(200, r.status(), r.body());
        return r.json().getInt("total");
    }

    /** N requests for N unknown MACs, 8 in flight (radclient -p), each answered by an Access-Reject. */
    private static String radclientParallel(int port) throws IOException, InterruptedException {
        return Radclient.sendMany(port, "auth", SECRET, Radclient.mabBurst("02d0d0", SSID, N), 8);
    }

    private static String tail(String out) {
        return out.length() > 2000 ? out.substring(out.length() - 2000) : out;
    }
}
