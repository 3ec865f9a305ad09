package io.turnstile.eap;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.turnstile.eap.tls.EapTlsPacket;
import io.turnstile.eap.ttls.TtlsAvp;
import io.turnstile.platform.MutableClock;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Jazzer fuzz targets for the EAP parsers (outside input from any NAS). Only {@link MalformedEapException} may escape
 * the parsers, and the engine answers every input with an outcome. Under plain {@code mvn test} each method runs in
 * regression mode over the seeds in {@code src/test/resources/io/turnstile/eap/EapFuzzTestInputs/<method>/}; with
 * {@code JAZZER_FUZZ=1} and one method selected it fuzzes.
 */
class EapFuzzTest {

    @FuzzTest(maxDuration = "5m")
    void eapPacket(byte[] data) {
        EapPacket p;
        try {
            p = EapPacket.parse(data);
        } catch (MalformedEapException e) {
            assertNotNull(e.getMessage());
            return;
        }
        int length = (data[2] & 0xff) << 8 | (data[3] & 0xff);
        assertArrayEquals(Arrays.copyOf(data, length), p.encode(), "re-encoding gives the octets up to Length");
    }

    @FuzzTest(maxDuration = "5m")
    void eapTlsPacket(byte[] data) {
        try {
            EapTlsPacket p = EapTlsPacket.parse(data);
            assertTrue(p.data().length <= data.length);
            if (data.length > 0) {
                assertArrayEquals(data, p.encode());
            }
        } catch (MalformedEapException e) {
            assertNotNull(e.getMessage());
        }
    }

    /**
     * The EAP-TTLS Phase 2 AVP parser (RFC 5281 §10.1): decrypted input from any peer with a TLS session. Only
     * {@link MalformedEapException} escapes; what parses re-encodes to AVPs that parse to the same list.
     */
    @FuzzTest(maxDuration = "5m")
    void ttlsAvps(byte[] data) {
        List<TtlsAvp> avps;
        try {
            avps = TtlsAvp.parseAll(data);
        } catch (MalformedEapException e) {
            assertNotNull(e.getMessage());
            return;
        }
        int total = 0;
        for (TtlsAvp a : avps) {
            total += a.data().length + 8;
        }
        assertTrue(total <= data.length, "AVPs never claim more than the input");
        try {
            org.junit.jupiter.api.Assertions.assertEquals(avps, TtlsAvp.parseAll(TtlsAvp.encodeAll(avps)));
        } catch (MalformedEapException e) {
            throw new AssertionError("re-encoded AVPs do not parse", e);
        }
    }

    /** The engine with a continuing conversation: any Response, with or without the right State, gets an outcome. */
    @FuzzTest(maxDuration = "5m")
    void engine(byte[] data) {
        MutableClock clock = new MutableClock(Instant.parse("2026-01-10T10:00:00Z"));
        EapEngine engine = new EapEngine(List.of(new EapConversationTableTest.Endless()),
                new EapConversationTable(4, 8, Duration.ofSeconds(30), clock), new SecureRandom());
        EapOutcome first = engine.handle("nas", "org", data, null);
        assertNotNull(first);
        if (first instanceof EapOutcome.Challenge c) {
            assertNotNull(engine.handle("nas", "org", data, c.state()));
        }
    }
}
