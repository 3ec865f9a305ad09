package io.turnstile.eap.peap;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.turnstile.eap.tls.TunnelInner;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * Jazzer target for the PEAP Extensions Response parser ([MS-PEAP] §2.2.8: Result and Crypto-Binding TLVs), decrypted
 * input from any peer with a tunnel. Every input ends Phase 2 with a {@link TunnelInner.Done} and never throws; a
 * random answer can never carry cryptobinding keys (it would need the CMK). Seeds in
 * {@code src/test/resources/io/turnstile/eap/peap/PeapFuzzTestInputs/extensionsResponse/}.
 */
class PeapFuzzTest {

    @FuzzTest(maxDuration = "5m")
    void extensionsResponse(byte[] data) {
        PeapTlsInner inner = PeapTlsInnerTest.inner(new PeapTlsInnerTest.OneRound(), CryptoBindingPolicy.OPTIONAL);
        PeapTlsInnerTest.extensionsRequest(inner);
        TunnelInner.Done done = assertInstanceOf(TunnelInner.Done.class, inner.receive(data));
        assertNull(done.keys(), "no cryptobinding keys without the CMK");
        TunnelInner.Done again = assertInstanceOf(TunnelInner.Done.class, inner.receive(data));
        assertFalse(again.success(), "nothing after the end of Phase 2");
    }
}
