package io.turnstile.eap;

import io.turnstile.platform.MutableClock;
import io.turnstile.policy.AuthType;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A flood of half-open EAP conversations stays bounded and is evicted once idle. */
class EapConversationTableTest {

    static final Instant T0 = Instant.parse("2026-01-10T10:00:00Z");

    /** A method that keeps asking, never ending: the shape of an abandoned conversation. */
    static final class Endless implements EapMethod {
        int open;

        @Override
        public int type() {
            return Rfc3748.TYPE_TLS;
        }

        @Override
        public AuthType authType() {
            return AuthType.EAP_TLS;
        }

        @Override
        public EapMethodSession start(EapPeer peer) {
            open++;
            return new EapMethodSession() {
                final byte[] held = new byte[1024]; // stands for the TLS state a real session holds

                @Override
                public MethodStep start() {
                    return new MethodStep.Request(new byte[]{0x20});
                }

                @Override
                public MethodStep process(byte[] typeData) {
                    return new MethodStep.Request(new byte[]{0});
                }

                @Override
                public void close() {
                    open--;
                }
            };
        }
    }

    static byte[] identity(int id) {
        return new EapPacket(Rfc3748.RESPONSE, id & 0xff, Rfc3748.TYPE_IDENTITY,
                "anonymous".getBytes(StandardCharsets.UTF_8)).encode();
    }

    @Test
    void thousandsOfAbandonedConversationsAreCappedPerNasAndEvictedWhenIdle() {
        MutableClock clock = new MutableClock(T0);
        EapConversationTable table = new EapConversationTable(500, 2000, Duration.ofSeconds(30), clock);
        Endless method = new Endless();
        EapEngine engine = new EapEngine(List.of(method), table, new SecureRandom());

        int challenged = 0;
        int refused = 0;
        for (int i = 0; i < 5000; i++) {
            EapOutcome o = engine.handle("org/c/10.0.0.1", "org", identity(i), null);
            if (o instanceof EapOutcome.Challenge) {
                challenged++;
            } else {
                refused++;
                EapOutcome.Finished f = assertInstanceOf(EapOutcome.Finished.class, o);
                assertTrue(f.reason().contains("too many"), f.reason());
            }
        }
        assertEquals(500, challenged, "the per-NAS cap");
        assertEquals(4500, refused);
        assertEquals(500, table.size());

        // Another NAS is not starved by the first one's flood.
        assertInstanceOf(EapOutcome.Challenge.class, engine.handle("org/c/10.0.0.2", "org", identity(1), null));

        // Abandoned: nobody continues them. After the idle timeout they are swept, and their sessions closed.
        clock.advance(Duration.ofSeconds(31));
        table.sweep();
        assertEquals(0, table.size());
        assertEquals(0, method.open, "every evicted session was closed");
        assertInstanceOf(EapOutcome.Challenge.class, engine.handle("org/c/10.0.0.1", "org", identity(2), null));
    }

    @Test
    void theGlobalCapHoldsAcrossManyNases() {
        MutableClock clock = new MutableClock(T0);
        EapConversationTable table = new EapConversationTable(100, 1000, Duration.ofSeconds(30), clock);
        EapEngine engine = new EapEngine(List.of(new Endless()), table, new SecureRandom());
        for (int nas = 0; nas < 50; nas++) {
            for (int i = 0; i < 100; i++) {
                engine.handle("org/c/10.0.1." + nas, "org", identity(i), null);
            }
        }
        assertEquals(1000, table.size());
        assertTrue(table.nasEntries() <= 50);
    }

    @Test
    void newConversationsSweepExpiredOnesWithoutAnExplicitSweep() {
        MutableClock clock = new MutableClock(T0);
        EapConversationTable table = new EapConversationTable(10, 100, Duration.ofSeconds(30), clock);
        EapEngine engine = new EapEngine(List.of(new Endless()), table, new SecureRandom());
        for (int i = 0; i < 10; i++) {
            engine.handle("nas", "org", identity(i), null);
        }
        clock.advance(Duration.ofMinutes(1));
        assertInstanceOf(EapOutcome.Challenge.class, engine.handle("nas", "org", identity(1), null));
        assertEquals(1, table.size());
    }

    @Test
    void aContinuedConversationIsNotEvictedAndAnExpiredStateIsRefused() {
        MutableClock clock = new MutableClock(T0);
        EapConversationTable table = new EapConversationTable(10, 100, Duration.ofSeconds(30), clock);
        EapEngine engine = new EapEngine(List.of(new Endless()), table, new SecureRandom());
        EapOutcome.Challenge c = (EapOutcome.Challenge) engine.handle("nas", "org", identity(1), null);
        int id = c.eapRequest()[1] & 0xff;
        for (int i = 0; i < 5; i++) {
            clock.advance(Duration.ofSeconds(20));
            byte[] response = new EapPacket(Rfc3748.RESPONSE, id, Rfc3748.TYPE_TLS, new byte[]{0}).encode();
            c = assertInstanceOf(EapOutcome.Challenge.class, engine.handle("nas", "org", response, c.state()));
            id = c.eapRequest()[1] & 0xff;
        }
        clock.advance(Duration.ofSeconds(31));
        byte[] late = new EapPacket(Rfc3748.RESPONSE, id, Rfc3748.TYPE_TLS, new byte[]{0}).encode();
        EapOutcome.Finished f = assertInstanceOf(EapOutcome.Finished.class, engine.handle("nas", "org", late, c.state()));
        assertTrue(f.reason().contains("expired"), f.reason());
    }
}
