package io.turnstile.it;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.security.SecureRandom;

import static io.turnstile.it.TurnstileUnderTest.AUTH_PORT;
import static io.turnstile.it.TurnstileUnderTest.ACCT_PORT;
import static io.turnstile.it.TurnstileUnderTest.get;
import static io.turnstile.it.TurnstileUnderTest.post;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The adapter's RFC duties: Status-Server, Message-Authenticator policy, unknown clients, duplicates, junk. */
class RadiusTransportIT {

    static String org;

    @BeforeAll
    static void setUp() {
        assumeTrue(TurnstileUnderTest.enabled(), "integration tests run through ./turnstile test");
        org = TurnstileUnderTest.ensureRadiusClients();
        for (String mac : new String[]{"001b2c3d4e10", "001b2c3d4e11", "001b2c3d4e12"}) {
            var r = post("/api/v1/orgs/" + org + "/usermacs", "{\"mac\": \"" + mac + "\", \"vlan\": \"30\"}");
            assertTrue(r.status() == 200 || r.body().contains("already"), r.toString());
        }
    }

    @Test
    void statusServerIsAnswered() {
        // RFC 5997 §3: Status-Server with Message-Authenticator gets Access-Accept on the authentication port.
        var r = Radclient.send(AUTH_PORT, "status", TurnstileUnderTest.SECRET, "Message-Authenticator = 0x00\n");
        assertTrue(r.accepted(), r.output());
        var acct = Radclient.send(ACCT_PORT, "status", TurnstileUnderTest.SECRET, "Message-Authenticator = 0x00\n");
        assertTrue(acct.output().contains("Received Accounting-Response"), acct.output());
    }

    @Test
    void accessRequestWithoutMessageAuthenticatorIsDropped() {
        // BlastRADIUS (CVE-2024-3596) protection is on by default: no Message-Authenticator, no answer.
        String noMa = Radclient.mab("001b2c3d4e10").replace("Message-Authenticator = 0x00\n", "");
        var r = Radclient.auth(noMa);
        assertTrue(r.noReply(), r.output());
        assertTrue(Radclient.auth(Radclient.mab("001b2c3d4e10")).accepted());
    }

    @Test
    void clientThatOptedOutIsAnsweredWithoutMessageAuthenticator() throws Exception {
        try (var raw = new RawRadius("127.0.0.3")) {
            raw.send(RawRadius.mabRequest("001b2c3d4e10", TurnstileUnderTest.OPT_OUT_SECRET, false, 7), AUTH_PORT);
            byte[] reply = raw.receive();
            assertNotNull(reply, "a client with require_message_authenticator=false gets an answer");
            assertEquals(2, reply[0], "Access-Accept");
            // Every response carries Message-Authenticator as its first attribute (type 80 at offset 20).
            assertEquals(80, reply[20] & 0xff);
        }
    }

    @Test
    void wrongSharedSecretGetsNoAnswer() {
        var r = Radclient.send(AUTH_PORT, "auth", "not-the-secret", Radclient.mab("001b2c3d4e10"));
        assertTrue(r.noReply(), r.output());
    }

    @Test
    void unknownClientIsIgnored() throws Exception {
        try (var raw = new RawRadius("127.0.0.2")) {
            raw.send(RawRadius.mabRequest("001b2c3d4e10", TurnstileUnderTest.SECRET, true, 1), AUTH_PORT);
            assertNull(raw.receive(), "a packet from an unknown source is never answered");
        }
    }

    @Test
    void retransmissionIsAnsweredFromTheDuplicateCache() throws Exception {
        try (var raw = new RawRadius("127.0.0.1")) {
            byte[] request = RawRadius.mabRequest("001b2c3d4e11", TurnstileUnderTest.SECRET, true, 42);
            raw.send(request, AUTH_PORT);
            byte[] first = raw.receive();
            raw.send(request, AUTH_PORT);
            byte[] second = raw.receive();
            assertNotNull(first);
            assertEquals(2, first[0]);
            assertArrayEquals(first, second, "RFC 5080 §2.2.2: the same reply, not a new one");
        }
        // ...and evaluated once: one event for that client.
        Thread.sleep(1500);
        var events = get("/api/v1/orgs/" + org + "/nac_clients/events/search?mac=001b2c3d4e11&duration=1h");
        assertEquals(200, events.status());
        assertEquals(1, events.json().getInt("total"), events.body());
    }

    @Test
    void garbageIsIgnoredWhileValidTrafficFlows() throws Exception {
        long malformedBefore = malformedDrops();
        var random = new SecureRandom();
        try (var raw = new RawRadius("127.0.0.1")) {
            for (int i = 0; i < 2000; i++) {
                byte[] junk = new byte[random.nextInt(5000)];
                random.nextBytes(junk);
                if (junk.length > 4 && i % 2 == 0) {
                    junk[0] = 1; // looks like an Access-Request, with a random length field and attributes
                }
                raw.send(junk, i % 3 == 0 ? ACCT_PORT : AUTH_PORT);
            }
            // A valid request sent in the middle of the junk is still answered.
            raw.send(RawRadius.mabRequest("001b2c3d4e12", TurnstileUnderTest.SECRET, true, 9), AUTH_PORT);
            byte[] reply = null;
            for (int i = 0; i < 5 && reply == null; i++) {
                reply = raw.receive();
                if (reply != null && reply.length >= 20 && reply[1] != 9) {
                    reply = null;
                }
            }
            assertNotNull(reply);
            assertEquals(2, reply[0]);
        }
        assertTrue(Radclient.auth(Radclient.mab("001b2c3d4e12")).accepted());
        assertEquals(200, TurnstileUnderTest.call("GET", "/health/ready", null, null, null).status());
        // ...and counted: the adapter pushes its counters every 5 s to the metrics endpoint.
        long after = malformedBefore;
        for (int i = 0; i < 40 && after - malformedBefore < 1000; i++) {
            Thread.sleep(500);
            after = malformedDrops();
        }
        assertTrue(after - malformedBefore >= 1000, "malformed drops counted: " + malformedBefore + " -> " + after);
    }

    /** {@code radius_adapter_dropped{reason="malformed"}} from the MicroProfile Metrics endpoint. */
    private static long malformedDrops() {
        var metrics = TurnstileUnderTest.call("GET", "/metrics?scope=application", null, null, null);
        assertEquals(200, metrics.status());
        return metrics.body().lines()
                .filter(l -> l.startsWith("radius_adapter_dropped{") && l.contains("reason=\"malformed\""))
                .mapToLong(l -> (long) Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
                .findFirst().orElse(0);
    }
}
