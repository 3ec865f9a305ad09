package io.turnstile.eap.peap;

import io.turnstile.eap.EapMethod;
import io.turnstile.eap.EapMethodSession;
import io.turnstile.eap.EapPeer;
import io.turnstile.eap.MethodResult;
import io.turnstile.eap.MethodStep;
import io.turnstile.eap.Rfc3748;
import io.turnstile.eap.tls.TunnelInner;
import io.turnstile.policy.AuthType;
import org.junit.jupiter.api.Test;

import java.util.HexFormat;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** PEAPv0 Phase 2 framing ([MS-PEAP] §3.1.5.2) and the Result TLV (§2.2.8.1) around a stand-in inner method. */
class PeapTlsInnerTest {

    static final HexFormat HEX = HexFormat.of();

    /** An inner "EAP-TLS" that sends 0x20 (Start) and succeeds on the first Response. */
    static final class OneRound implements EapMethod {
        String identity;

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
            identity = peer.identity();
            return new EapMethodSession() {
                @Override
                public MethodStep start() {
                    return new MethodStep.Request(new byte[]{0x20});
                }

                @Override
                public MethodStep process(byte[] typeData) {
                    return new MethodStep.Succeeded(new MethodResult(AuthType.EAP_TLS, "laptop-7", null, null, null));
                }
            };
        }
    }

    static byte[] reply(TunnelInner.Step step) {
        return assertInstanceOf(TunnelInner.Reply.class, step).plaintext();
    }

    @Test
    void identityThenHeaderlessInnerEapThenResultTlv() {
        OneRound tls = new OneRound();
        PeapTlsInner inner = new PeapTlsInner(tls, new EapPeer("org", "anonymous"));
        assertArrayEquals(new byte[]{1}, reply(inner.begin()), "header-less Identity Request");
        assertArrayEquals(new byte[]{13, 0x20}, reply(inner.receive(new byte[]{1, 'p', 'c'})), "inner EAP-TLS Start");
        assertEquals("pc", tls.identity, "the tunnelled identity starts the inner method");
        // Extensions keep their header: Request, id 1, length 11, type 33, Result TLV (M bit) = success
        assertEquals("0101000b21800300020001", HEX.formatHex(reply(inner.receive(new byte[]{13, 0}))));
        var done = assertInstanceOf(TunnelInner.Done.class, inner.receive(HEX.parseHex("0201000b21800300020001")));
        assertTrue(done.success(), done.reason());
        assertEquals("laptop-7", done.identity());
    }

    @Test
    void resultTlvFailureOrGarbageFails() {
        for (String answer : new String[]{"0201000b21800300020002", "0201000a218003000200", "02", "0201000521"}) {
            PeapTlsInner inner = new PeapTlsInner(new OneRound(), new EapPeer("org", "anonymous"));
            inner.begin();
            inner.receive(new byte[]{1, 'p', 'c'});
            inner.receive(new byte[]{13, 0});
            var done = assertInstanceOf(TunnelInner.Done.class, inner.receive(HEX.parseHex(answer)));
            assertFalse(done.success(), answer);
        }
    }

    @Test
    void innerNakFails() {
        PeapTlsInner inner = new PeapTlsInner(new OneRound(), new EapPeer("org", "anonymous"));
        inner.begin();
        inner.receive(new byte[]{1, 'p', 'c'});
        var done = assertInstanceOf(TunnelInner.Done.class, inner.receive(new byte[]{3, 26}));
        assertFalse(done.success());
        assertTrue(done.reason().contains("instead of EAP-TLS"), done.reason());
    }
}
