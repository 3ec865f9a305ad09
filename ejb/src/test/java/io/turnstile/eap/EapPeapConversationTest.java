package io.turnstile.eap;

import io.turnstile.eap.peap.CryptoBindingPolicy;
import io.turnstile.eap.peap.EapPeapMethod;
import io.turnstile.eap.tls.EapTlsMethod;
import io.turnstile.eap.tls.EapTlsSettings;
import io.turnstile.pki.EapTlsCredentials;
import io.turnstile.platform.MutableClock;
import io.turnstile.policy.AuthType;
import org.bouncycastle.tls.ProtocolVersion;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Whole PEAPv0/EAP-TLS conversations through the engine with two Bouncy Castle TLS clients as the peer (outer tunnel,
 * inner EAP-TLS): the Crypto-Binding TLV answered with keys the peer derives itself from the spec ([MS-PEAP]
 * §3.1.5.5), TLS 1.2 and TLS 1.3 tunnels (RFC 9427), and the MSK/EMSK the server keeps compared with the peer's.
 */
class EapPeapConversationTest {

    @BeforeAll
    static void pki() throws Exception {
        EapTlsConversationTest.pki();
    }

    static EapEngine engine(CryptoBindingPolicy binding) {
        MutableClock clock = new MutableClock(EapTlsConversationTest.NOW);
        EapTlsCredentials creds = new EapTlsCredentials(EapTlsConversationTest.server,
                List.of(EapTlsConversationTest.ca.certificate()), List.of());
        EapTlsMethod tls = new EapTlsMethod(org -> Optional.of(creds), EapTlsSettings.DEFAULTS,
                EapTlsConversationTest.RANDOM, clock);
        return new EapEngine(List.of(tls, new EapPeapMethod(tls, org -> Optional.of(creds), EapTlsSettings.DEFAULTS,
                binding, EapTlsConversationTest.RANDOM, clock)),
                new EapConversationTable(100, 1000, Duration.ofSeconds(60), clock), EapTlsConversationTest.RANDOM);
    }

    /** The supplicant's Phase 2: Identity, inner EAP-TLS through {@code inner}, then the Extensions answer. */
    static final class Phase2 {
        final TlsPeer outer;
        final TlsPeer inner;
        final boolean answerBinding;
        boolean bindingUsed;
        byte[] peerMsk;

        Phase2(TlsPeer outer, TlsPeer inner, boolean answerBinding) {
            this.outer = outer;
            this.inner = inner;
            this.answerBinding = answerBinding;
        }

        byte[] answer(byte[] request) {
            try {
                if (request.length == 1 && request[0] == Rfc3748.TYPE_IDENTITY) {
                    return concat(new byte[]{Rfc3748.TYPE_IDENTITY}, "laptop-7".getBytes(StandardCharsets.UTF_8));
                }
                if (request[0] == Rfc3748.TYPE_TLS) {
                    return concat(new byte[]{Rfc3748.TYPE_TLS},
                            inner.respond(Arrays.copyOfRange(request, 1, request.length)));
                }
                assertEquals(33, request[4], "Extensions Request with its EAP header");
                return extensions(request);
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        }

        /** The Result TLV answer, with the Crypto-Binding response when the server sent a request and we bind. */
        private byte[] extensions(byte[] request) throws Exception {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            out.write(new byte[]{2, request[1], 0, 0, 33, (byte) 0x80, 3, 0, 2, 0, 1});
            byte[] tk = Arrays.copyOf(outer.msk, 40);
            byte[] imck = prfPlus(tk, "Inner Methods Compound Keys", Arrays.copyOf(inner.msk, 32), 60);
            byte[] cmk = Arrays.copyOfRange(imck, 40, 60);
            for (int at = 5; at + 4 <= request.length; ) {
                int type = ((request[at] & 0x3f) << 8) | (request[at + 1] & 0xff);
                int len = ((request[at + 2] & 0xff) << 8) | (request[at + 3] & 0xff);
                if (type == 12 && answerBinding) {
                    byte[] tlv = Arrays.copyOfRange(request, at, at + 4 + len);
                    byte[] zeroed = tlv.clone();
                    Arrays.fill(zeroed, 40, 60, (byte) 0);
                    assertArrayEquals(compoundMac(cmk, zeroed), Arrays.copyOfRange(tlv, 40, 60), "server Compound MAC");
                    zeroed[7] = 1; // SubType response, the server's nonce echoed (as wpa_supplicant does)
                    System.arraycopy(compoundMac(cmk, zeroed), 0, zeroed, 40, 20);
                    out.write(zeroed);
                    bindingUsed = true;
                    peerMsk = Arrays.copyOf(prfPlus(Arrays.copyOf(imck, 40), "Session Key Generating Function",
                            new byte[]{0}, 128), 64);
                }
                at += 4 + len;
            }
            byte[] answer = out.toByteArray();
            answer[3] = (byte) answer.length;
            return answer;
        }
    }

    static byte[] prfPlus(byte[] key, String label, byte[] seed, int length) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] t = new byte[0];
        for (int n = 1; out.size() < length; n++) {
            t = hmac(key, concat(t, label.getBytes(StandardCharsets.US_ASCII), seed, new byte[]{(byte) n, 0, 0}));
            out.write(t);
        }
        return Arrays.copyOf(out.toByteArray(), length);
    }

    /** [MS-PEAP] §2.2.8.3.1: HMAC-SHA1(CMK, TLV with zero MAC | 25). */
    static byte[] compoundMac(byte[] cmk, byte[] tlvZeroMac) throws Exception {
        return hmac(cmk, concat(tlvZeroMac, new byte[]{(byte) Rfc3748.TYPE_PEAP}));
    }

    static byte[] hmac(byte[] key, byte[] data) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA1");
        mac.init(new SecretKeySpec(key, "HmacSHA1"));
        return mac.doFinal(data);
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    static EapOutcome.Finished run(EapEngine engine, TlsPeer outer) throws Exception {
        String nas = "org/c/127.0.0.1";
        EapOutcome outcome = engine.handle(nas, "org", new EapPacket(Rfc3748.RESPONSE, 0, Rfc3748.TYPE_IDENTITY,
                "anonymous".getBytes(StandardCharsets.UTF_8)).encode(), null, "020000aa0002", "10.0.0.9");
        EapOutcome.Challenge first = assertInstanceOf(EapOutcome.Challenge.class, outcome);
        EapPacket tlsStart = EapPacket.parse(first.eapRequest());
        outcome = engine.handle(nas, "org", new EapPacket(Rfc3748.RESPONSE, tlsStart.identifier(), Rfc3748.TYPE_NAK,
                new byte[]{Rfc3748.TYPE_PEAP}).encode(), first.state());
        for (int round = 0; round < 100; round++) {
            if (outcome instanceof EapOutcome.Finished f) {
                return f;
            }
            EapOutcome.Challenge c = assertInstanceOf(EapOutcome.Challenge.class, outcome);
            EapPacket request = EapPacket.parse(c.eapRequest());
            assertEquals(Rfc3748.TYPE_PEAP, request.type());
            byte[] answer = outer.respond(request.typeData());
            outcome = engine.handle(nas, "org", new EapPacket(Rfc3748.RESPONSE, request.identifier(),
                    Rfc3748.TYPE_PEAP, answer).encode(), c.state());
        }
        throw new AssertionError("conversation did not end");
    }

    static Phase2 peer(ProtocolVersion outerVersion, boolean answerBinding) {
        TlsPeer outer = new TlsPeer(outerVersion, null, 1000);
        outer.typeCode = Rfc3748.TYPE_PEAP;
        TlsPeer inner = new TlsPeer(ProtocolVersion.TLSv12, EapTlsConversationTest.client, 1000);
        Phase2 phase2 = new Phase2(outer, inner, answerBinding);
        outer.tunnel = phase2::answer;
        return phase2;
    }

    @Test
    void tls12WithCryptoBindingGivesTheCskMskAndNoEmsk() throws Exception {
        Phase2 p = peer(ProtocolVersion.TLSv12, true);
        EapOutcome.Finished end = run(engine(CryptoBindingPolicy.REQUIRED), p.outer);
        assertTrue(end.success(), end.reason());
        assertTrue(p.bindingUsed, "the server sent a Crypto-Binding TLV");
        assertEquals(AuthType.EAP_PEAP, end.result().authType());
        assertEquals("laptop-7", end.result().identity());
        assertArrayEquals(p.peerMsk, end.result().msk(), "MSK from the IPMK chain, as the peer derives it");
        assertFalse(Arrays.equals(p.outer.msk, end.result().msk()), "cryptobinding changes the MSK");
        assertEquals(0, end.result().emsk().length, "MS-PEAP defines no EMSK with cryptobinding");
    }

    @Test
    void tls13TunnelWithCryptoBindingUsesTheRfc9427TunnelKey() throws Exception {
        Phase2 p = peer(ProtocolVersion.TLSv13, true);
        EapOutcome.Finished end = run(engine(CryptoBindingPolicy.OPTIONAL), p.outer);
        assertTrue(end.success(), end.reason());
        assertEquals("TLSv1.3", end.result().tlsVersion());
        assertTrue(p.bindingUsed);
        assertArrayEquals(p.peerMsk, end.result().msk());
    }

    @Test
    void peerWithoutCryptoBindingGetsTheTunnelMskAndEmskWhenOptional() throws Exception {
        for (ProtocolVersion v : new ProtocolVersion[]{ProtocolVersion.TLSv12, ProtocolVersion.TLSv13}) {
            Phase2 p = peer(v, false);
            EapOutcome.Finished end = run(engine(CryptoBindingPolicy.OPTIONAL), p.outer);
            assertTrue(end.success(), end.reason());
            assertArrayEquals(p.outer.msk, end.result().msk(), v + ": the tunnel's MSK");
            assertArrayEquals(p.outer.emsk, end.result().emsk(), v + ": the tunnel's EMSK");
        }
    }

    @Test
    void peerWithoutCryptoBindingFailsWhenRequired() throws Exception {
        Phase2 p = peer(ProtocolVersion.TLSv12, false);
        EapOutcome.Finished end = run(engine(CryptoBindingPolicy.REQUIRED), p.outer);
        assertFalse(end.success());
        assertTrue(end.reason().contains("required"), end.reason());
        assertEquals(0, end.result().msk().length);
    }
}
