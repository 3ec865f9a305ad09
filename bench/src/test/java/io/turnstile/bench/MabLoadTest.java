package io.turnstile.bench;

import io.turnstile.radius.codec.MalformedPacketException;
import io.turnstile.radius.codec.RadiusAttribute;
import io.turnstile.radius.codec.RadiusCodec;
import io.turnstile.radius.codec.RadiusPacket;
import io.turnstile.radius.codec.Rfc2865;
import io.turnstile.radius.codec.Rfc2868;
import io.turnstile.radius.codec.UserPasswordHiding;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The load generator against a tiny in-process MAB responder on 127.0.0.1 that checks every request it gets. */
class MabLoadTest {

    private static final String SECRET = "unit-test-secret";

    private DatagramSocket server;
    private Thread responder;
    private final AtomicInteger invalid = new AtomicInteger();
    private final AtomicInteger dropEvery = new AtomicInteger();   // 0: answer all; n: ignore every n-th request

    @BeforeEach
    void startResponder() throws SocketException {
        server = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        responder = new Thread(this::respond, "test-responder");
        responder.setDaemon(true);
        responder.start();
    }

    @AfterEach
    void stopResponder() throws InterruptedException {
        server.close();
        responder.join(2000);
    }

    private void respond() {
        byte[] buf = new byte[4096];
        byte[] secret = SECRET.getBytes(StandardCharsets.UTF_8);
        long n = 0;
        while (!server.isClosed()) {
            try {
                DatagramPacket dp = new DatagramPacket(buf, buf.length);
                server.receive(dp);
                n++;
                int every = dropEvery.get();
                if (every > 0 && n % every == 0) {
                    continue;
                }
                RadiusPacket req = RadiusCodec.decode(buf, 0, dp.getLength());
                boolean ok = req.code() == Rfc2865.ACCESS_REQUEST && RadiusCodec.hasMessageAuthenticator(req)
                        && RadiusCodec.verifyRequestMessageAuthenticator(buf, 0, dp.getLength(), secret);
                String user = req.string(Rfc2865.USER_NAME).orElse("");
                byte[] password = UserPasswordHiding.reveal(req.first(Rfc2865.USER_PASSWORD).orElseThrow().value(),
                        secret, req.authenticator());
                ok &= user.equals(new String(password, StandardCharsets.US_ASCII));
                ok &= user.startsWith(Endpoints.OUI) && user.length() == 12;
                int index = Integer.parseInt(user.substring(6), 16);
                ok &= req.string(Rfc2865.CALLING_STATION_ID).orElse("").equals(Endpoints.callingStationId(index));
                ok &= req.integer(Rfc2865.NAS_PORT_TYPE).orElse(-1) == 19;
                if (!ok) {
                    invalid.incrementAndGet();
                }
                byte[] reply = RadiusCodec.encodeResponse(ok ? Rfc2865.ACCESS_ACCEPT : Rfc2865.ACCESS_REJECT,
                        req.identifier(), ok ? List.of(
                                RadiusAttribute.ofTaggedInt(Rfc2868.TUNNEL_TYPE, 0, 13),
                                RadiusAttribute.ofTaggedInt(Rfc2868.TUNNEL_MEDIUM_TYPE, 0, 6),
                                RadiusAttribute.ofString(Rfc2868.TUNNEL_PRIVATE_GROUP_ID, Endpoints.vlan(index)))
                                : List.of(),
                        req.authenticator(), secret, true);
                server.send(new DatagramPacket(reply, reply.length, dp.getSocketAddress()));
            } catch (MalformedPacketException | RuntimeException e) {
                invalid.incrementAndGet();
            } catch (java.io.IOException e) {
                return;   // closed
            }
        }
    }

    private String run(String... extra) throws Exception {
        String[] base = {"--port", Integer.toString(server.getLocalPort()), "--secret", SECRET, "--macs", "1000",
                "--warmup", "200ms", "--duration", "1s"};
        String[] args = new String[base.length + extra.length];
        System.arraycopy(base, 0, args, 0, base.length);
        System.arraycopy(extra, 0, args, base.length, extra.length);
        return new MabLoad(BenchArgs.parse(args)).run();
    }

    private static double num(String json, String key) {
        Matcher m = Pattern.compile("\"" + key + "\": ([-0-9.eE]+)").matcher(json);
        assertTrue(m.find(), key + " in " + json);
        return Double.parseDouble(m.group(1));
    }

    @Test
    void closedLoopGetsVerifiedAcceptsWithTheRightVlan() throws Exception {
        String json = run("--concurrency", "16");
        assertEquals(0, invalid.get(), "requests the responder found wrong");
        // How many fit in the second depends on the machine (no timing asserts): only that verified accepts came back.
        assertTrue(num(json, "accepts") > 0, json);
        assertEquals(num(json, "accepts"), num(json, "answered"), json);
        for (String k : List.of("rejects", "timeouts", "vlan_mismatch", "bad_authenticator",
                "bad_message_authenticator", "late_replies", "send_errors")) {
            assertEquals(0, num(json, k), k + ": " + json);
        }
        assertTrue(num(json, "p99") > 0, json);
    }

    @Test
    void rateLimitedSendsOnSchedule() throws Exception {
        String json = run("--concurrency", "64", "--rate", "2000");
        assertEquals(0, invalid.get());
        // 2000/s for 1 s: the limiter never sends more than the schedule (window edges aside); a busy machine may send
        // fewer, which is not the limiter's fault, so only the upper bound is asserted.
        assertTrue(num(json, "sent") > 0 && num(json, "sent") <= 2020, json);
        assertEquals(num(json, "sent"), num(json, "accepts"), json);
        assertEquals(0, num(json, "timeouts"), json);
    }

    @Test
    void unansweredRequestsAreTimeoutsNotRetransmissions() throws Exception {
        dropEvery.set(10);
        String json = run("--concurrency", "8", "--timeout", "100ms");
        double timeouts = num(json, "timeouts");
        double sent = num(json, "sent");
        assertTrue(timeouts > 0, json);
        assertEquals(sent, num(json, "accepts") + timeouts, json);
        assertEquals(0, num(json, "late_replies"), json);
    }

    @Test
    void refusesNonLoopbackTargets() {
        assertThrows(IllegalArgumentException.class,
                () -> new MabLoad(BenchArgs.parse(new String[] {"--host", "192.0.2.1", "--duration", "1s"})));
    }

    @Test
    void endpointListIsStable() {
        assertEquals("00163e000000", Endpoints.mac(0));
        assertEquals("00163e004e1f", Endpoints.mac(19_999));
        assertEquals("00-16-3E-00-4E-1F", Endpoints.callingStationId(19_999));
        assertEquals("199", Endpoints.vlan(19_999));
        byte[] auth = new byte[16];
        byte[] hidden = UserPasswordHiding.hide("00163e000001".getBytes(StandardCharsets.US_ASCII),
                SECRET.getBytes(StandardCharsets.UTF_8), auth);
        assertArrayEquals("00163e000001".getBytes(StandardCharsets.US_ASCII),
                UserPasswordHiding.reveal(hidden, SECRET.getBytes(StandardCharsets.UTF_8), auth));
    }
}
