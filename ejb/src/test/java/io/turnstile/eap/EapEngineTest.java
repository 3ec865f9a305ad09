package io.turnstile.eap;

import io.turnstile.platform.MutableClock;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** RFC 3748 rules the engine enforces, independent of the method. */
class EapEngineTest {

    final MutableClock clock = new MutableClock(Instant.parse("2026-01-10T10:00:00Z"));
    final EapConversationTable table = new EapConversationTable(10, 100, Duration.ofSeconds(30), clock);
    final EapEngine engine = new EapEngine(List.of(new EapConversationTableTest.Endless()), table, new SecureRandom());

    EapOutcome.Challenge start() {
        return assertInstanceOf(EapOutcome.Challenge.class, engine.handle("nas", "org", new EapPacket(Rfc3748.RESPONSE,
                9, Rfc3748.TYPE_IDENTITY, "host/laptop".getBytes(StandardCharsets.UTF_8)).encode(), null));
    }

    @Test
    void identityStartsTheFirstMethodWithTheNextIdentifierAndAnUnguessableState() throws Exception {
        EapOutcome.Challenge c = start();
        EapPacket request = EapPacket.parse(c.eapRequest());
        assertEquals(Rfc3748.REQUEST, request.code());
        assertEquals(10, request.identifier());
        assertEquals(Rfc3748.TYPE_TLS, request.type());
        assertEquals(16, c.state().length);
        assertNotEquals(java.util.HexFormat.of().formatHex(c.state()),
                java.util.HexFormat.of().formatHex(start().state()));
    }

    @Test
    void nakWithoutAMethodWeOfferFailsWithTheResponseIdentifier() throws Exception {
        EapOutcome.Challenge c = start();
        byte[] nak = new EapPacket(Rfc3748.RESPONSE, 10, Rfc3748.TYPE_NAK, new byte[]{(byte) Rfc3748.TYPE_TTLS}).encode();
        EapOutcome.Finished f = assertInstanceOf(EapOutcome.Finished.class, engine.handle("nas", "org", nak, c.state()));
        assertFalse(f.success());
        assertTrue(f.reason().contains("refused every method"), f.reason());
        assertEquals(10, EapPacket.parse(f.eapFailure()).identifier());
        assertEquals(Rfc3748.FAILURE, EapPacket.parse(f.eapFailure()).code());
        assertEquals(0, table.size());
    }

    @Test
    void responseWithAnotherIdentifierIsDiscarded() {
        EapOutcome.Challenge c = start();
        byte[] stale = new EapPacket(Rfc3748.RESPONSE, 3, Rfc3748.TYPE_TLS, new byte[]{0}).encode();
        assertInstanceOf(EapOutcome.Discard.class, engine.handle("nas", "org", stale, c.state()));
        assertEquals(1, table.size(), "the conversation goes on");
    }

    @Test
    void stateFromAnotherNasIsNotHonoured() {
        EapOutcome.Challenge c = start();
        byte[] response = new EapPacket(Rfc3748.RESPONSE, 10, Rfc3748.TYPE_TLS, new byte[]{0}).encode();
        EapOutcome.Finished f = assertInstanceOf(EapOutcome.Finished.class,
                engine.handle("other-nas", "org", response, c.state()));
        assertFalse(f.success());
    }

    @Test
    void malformedAndNonResponsePacketsAreDiscarded() {
        assertInstanceOf(EapOutcome.Discard.class, engine.handle("nas", "org", new byte[]{2, 1, 0}, null));
        assertInstanceOf(EapOutcome.Discard.class, engine.handle("nas", "org", EapPacket.success(1).encode(), null));
    }

    @Test
    void firstResponseThatIsNotIdentityFails() {
        byte[] tls = new EapPacket(Rfc3748.RESPONSE, 1, Rfc3748.TYPE_TLS, new byte[]{0}).encode();
        EapOutcome.Finished f = assertInstanceOf(EapOutcome.Finished.class, engine.handle("nas", "org", tls, null));
        assertFalse(f.success());
        assertEquals(0, table.size());
    }
}
