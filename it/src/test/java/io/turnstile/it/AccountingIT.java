package io.turnstile.it;

import jakarta.json.JsonObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static io.turnstile.it.TurnstileUnderTest.get;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Accounting Start / Interim-Update / Stop from radclient, acknowledged only once stored, then visible. */
class AccountingIT {

    static String org;

    @BeforeAll
    static void setUp() {
        assumeTrue(TurnstileUnderTest.enabled(), "integration tests run through ./turnstile test");
        org = TurnstileUnderTest.ensureRadiusClients();
    }

    private static String acct(String status, String extra) {
        return """
                Acct-Status-Type = %s
                Acct-Session-Id = "it-session-%s"
                User-Name = "alice"
                Calling-Station-Id = "00-1B-2C-3D-4E-20"
                NAS-IP-Address = 127.0.0.1
                NAS-Port = 7
                Framed-IP-Address = 10.0.0.20
                %s
                """.formatted(status, org.substring(0, 8), extra);
    }

    @Test
    void sessionIsRecordedFromStartToStop() {
        var start = Radclient.acct(acct("Start", ""));
        assertTrue(start.output().contains("Received Accounting-Response"), start.output());
        var interim = Radclient.acct(acct("Interim-Update", "Acct-Session-Time = 60\nAcct-Input-Octets = 1000\nAcct-Output-Octets = 2000"));
        assertTrue(interim.output().contains("Received Accounting-Response"), interim.output());
        var stop = Radclient.acct(acct("Stop", """
                Acct-Session-Time = 120
                Acct-Input-Octets = 5000
                Acct-Input-Gigawords = 1
                Acct-Output-Octets = 7000
                Acct-Terminate-Cause = User-Request"""));
        assertTrue(stop.output().contains("Received Accounting-Response"), stop.output());

        // Acknowledged means committed: visible at once, no waiting.
        var r = get("/api/v1/orgs/" + org + "/accounting/sessions/search?session_id=it-session-" + org.substring(0, 8));
        assertEquals(200, r.status(), r.body());
        assertEquals(1, r.json().getInt("total"), r.body());
        JsonObject session = r.json().getJsonArray("results").getJsonObject(0);
        assertEquals("stopped", session.getString("status"));
        assertEquals("001b2c3d4e20", session.getString("mac"));
        assertEquals("alice", session.getString("username"));
        assertEquals(120, session.getJsonNumber("session_time").longValue());
        assertEquals((1L << 32) + 5000, session.getJsonNumber("input_octets").longValue());
        assertEquals(7000, session.getJsonNumber("output_octets").longValue());
    }

    @Test
    void accountingWithWrongSecretIsNotAcknowledged() {
        var r = Radclient.send(TurnstileUnderTest.ACCT_PORT, "acct", "wrong-secret", acct("Start", ""));
        assertTrue(r.noReply(), r.output());
    }
}
