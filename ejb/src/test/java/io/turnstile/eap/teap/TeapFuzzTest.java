package io.turnstile.eap.teap;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.turnstile.eap.EapPeer;
import io.turnstile.eap.MalformedEapException;
import io.turnstile.eap.tls.TunnelInner;

import java.security.SecureRandom;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Jazzer fuzz targets for TEAP's parsers of peer input (RFC 7170 §4): the TLV sequence inside the tunnel, the framing
 * of the outer packets, and Phase 2 as a whole. Only {@link MalformedEapException} may escape the parsers; Phase 2
 * answers every input with a step. Under plain {@code mvn test} each method runs over the seeds in
 * {@code src/test/resources/io/turnstile/eap/teap/TeapFuzzTestInputs/<method>/}; {@code JAZZER_FUZZ=1} fuzzes.
 */
class TeapFuzzTest {

    @FuzzTest(maxDuration = "5m")
    void teapTlvs(byte[] data) {
        List<TeapTlv> tlvs;
        try {
            tlvs = TeapTlv.parseAll(data);
        } catch (MalformedEapException e) {
            assertNotNull(e.getMessage());
            return;
        }
        assertEquals(data.length, tlvs.stream().mapToInt(t -> 4 + t.length()).sum(), "TLVs fill the input exactly");
        try {
            assertEquals(tlvs, TeapTlv.parseAll(TeapTlv.encodeAll(tlvs)));
        } catch (MalformedEapException e) {
            throw new AssertionError("re-encoded TLVs do not parse", e);
        }
        for (TeapTlv t : tlvs) {
            if (t.type() == TeapTlv.CRYPTO_BINDING) {
                try {
                    assertEquals(t.value().length, CryptoBinding.parse(t).toTlv().value().length);
                } catch (MalformedEapException e) {
                    assertNotNull(e.getMessage());
                }
            }
        }
    }

    @FuzzTest(maxDuration = "5m")
    void teapFraming(byte[] data) {
        try {
            TeapFraming.Response r = TeapFraming.response(data, true);
            assertTrue(r.eapTlsTypeData().length + r.outerTlvs().length <= data.length);
        } catch (MalformedEapException e) {
            assertNotNull(e.getMessage());
        }
    }

    /** Phase 2 after the tunnel is up: whatever the peer sends, a Reply or a Done, never an exception. */
    @FuzzTest(maxDuration = "5m")
    void phase2(byte[] data) {
        TeapInner inner = new TeapInner(new TeapInnerTest.FakeInnerTls(), TeapIdentityPolicy.MACHINE_AND_USER,
                new EapPeer("org", "anonymous"),
                new SecureRandom(), TeapTlv.encodeAll(List.of(EapTeapMethod.authorityId("org"))));
        inner.established(TeapInnerTest.TUNNEL);
        inner.begin();
        TunnelInner.Step step = inner.receive(data);
        assertNotNull(step);
        if (step instanceof TunnelInner.Reply) {
            assertNotNull(inner.receive(data));
        }
    }
}
