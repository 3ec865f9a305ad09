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

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.ByteArrayOutputStream;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** PEAPv0 Phase 2 framing ([MS-PEAP] §3.1.5.2) and the Result TLV (§2.2.8.1) around a stand-in inner method. */
class PeapTlsInnerTest {

    static final HexFormat HEX = HexFormat.of();
    static final byte[] INNER_MSK = filled(64, 0x11);
    static final byte[] TUNNEL_KEYS = filled(128, 0x22);

    static byte[] filled(int n, int start) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            b[i] = (byte) (start + i);
        }
        return b;
    }

    static PeapTlsInner inner(OneRound tls, CryptoBindingPolicy policy) {
        PeapTlsInner inner = new PeapTlsInner(tls, new EapPeer("org", "anonymous"), policy, new SecureRandom());
        inner.established(TUNNEL_KEYS);
        return inner;
    }

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
                    return new MethodStep.Succeeded(new MethodResult(AuthType.EAP_TLS, "laptop-7", null, INNER_MSK,
                            null));
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
        PeapTlsInner inner = inner(tls, CryptoBindingPolicy.OFF);
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
            PeapTlsInner inner = inner(new OneRound(), CryptoBindingPolicy.OFF);
            inner.begin();
            inner.receive(new byte[]{1, 'p', 'c'});
            inner.receive(new byte[]{13, 0});
            var done = assertInstanceOf(TunnelInner.Done.class, inner.receive(HEX.parseHex(answer)));
            assertFalse(done.success(), answer);
        }
    }

    @Test
    void innerNakFails() {
        PeapTlsInner inner = inner(new OneRound(), CryptoBindingPolicy.OFF);
        inner.begin();
        inner.receive(new byte[]{1, 'p', 'c'});
        var done = assertInstanceOf(TunnelInner.Done.class, inner.receive(new byte[]{3, 26}));
        assertFalse(done.success());
        assertTrue(done.reason().contains("instead of EAP-TLS"), done.reason());
    }

    // ---- cryptobinding ([MS-PEAP] §2.2.8.3.1, §3.1.5.5), checked against a second, test-side PRF+ ----

    /** PRF+ written out from the spec: Tn = HMAC-SHA1(K, Tn-1 | label | seed | n | 0x00 | 0x00). */
    static byte[] specPrfPlus(byte[] key, String label, byte[] seed, int length) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] t = new byte[0];
        for (int n = 1; out.size() < length; n++) {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(key, "HmacSHA1"));
            mac.update(t);
            mac.update(label.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            mac.update(seed);
            mac.update(new byte[]{(byte) n, 0, 0});
            t = mac.doFinal();
            out.write(t);
        }
        return Arrays.copyOf(out.toByteArray(), length);
    }

    /** IPMK | CMK from TK = TUNNEL_KEYS[0..60] and ISK = INNER_MSK[0..32]. */
    static byte[] specImck() throws Exception {
        return specPrfPlus(Arrays.copyOf(TUNNEL_KEYS, 40), "Inner Methods Compound Keys",
                Arrays.copyOf(INNER_MSK, 32), 60);
    }

    static byte[] specMac(byte[] cmk, byte[] tlvZeroMac) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA1");
        mac.init(new SecretKeySpec(cmk, "HmacSHA1"));
        mac.update(tlvZeroMac);
        mac.update((byte) 25);
        return mac.doFinal();
    }

    /** The peer's Extensions Response: Result TLV success and a Crypto-Binding response with the server's nonce. */
    static byte[] peerAnswer(int id, byte[] nonce, byte[] cmk, boolean withBinding) throws Exception {
        ByteArrayOutputStream p = new ByteArrayOutputStream();
        p.write(new byte[]{2, (byte) id, 0, 0, 33, (byte) 0x80, 3, 0, 2, 0, 1});
        if (withBinding) {
            byte[] tlv = new byte[60];
            tlv[1] = 12;
            tlv[3] = 56;
            tlv[7] = 1; // SubType response
            System.arraycopy(nonce, 0, tlv, 8, 32);
            byte[] mac = specMac(cmk, tlv);
            System.arraycopy(mac, 0, tlv, 40, 20);
            p.write(tlv);
        }
        byte[] out = p.toByteArray();
        out[3] = (byte) out.length;
        return out;
    }

    /** Runs to the Extensions Request and returns it (full EAP header). */
    static byte[] extensionsRequest(PeapTlsInner inner) {
        inner.begin();
        inner.receive(new byte[]{1, 'p', 'c'});
        return reply(inner.receive(new byte[]{13, 0}));
    }

    @Test
    void serverSendsAVerifiableCryptoBindingRequestAndAValidAnswerYieldsTheCskMsk() throws Exception {
        PeapTlsInner inner = inner(new OneRound(), CryptoBindingPolicy.OPTIONAL);
        byte[] req = extensionsRequest(inner);
        assertEquals(71, req.length, "Result TLV (6) + Crypto-Binding TLV (60) after the 5-octet header");
        assertEquals(71, (req[2] & 0xff) << 8 | (req[3] & 0xff));
        assertEquals("21800300020001", HEX.formatHex(Arrays.copyOfRange(req, 4, 11)), "type 33, Result TLV success");
        byte[] tlv = Arrays.copyOfRange(req, 11, 71);
        assertEquals("000c0038000000" + "00", HEX.formatHex(tlv, 0, 8), "type 12, length 56, v0, recv v0, request");
        byte[] imck = specImck();
        byte[] cmk = Arrays.copyOfRange(imck, 40, 60);
        byte[] zeroed = tlv.clone();
        Arrays.fill(zeroed, 40, 60, (byte) 0);
        assertArrayEquals(specMac(cmk, zeroed), Arrays.copyOfRange(tlv, 40, 60), "server Compound MAC");

        byte[] nonce = Arrays.copyOfRange(tlv, 8, 40);
        var done = assertInstanceOf(TunnelInner.Done.class, inner.receive(peerAnswer(req[1], nonce, cmk, true)));
        assertTrue(done.success(), done.reason());
        byte[] csk = specPrfPlus(Arrays.copyOf(imck, 40), "Session Key Generating Function", new byte[]{0}, 128);
        assertArrayEquals(Arrays.copyOf(csk, 64), done.keys().msk(), "MSK = CSK[0..64] from the IPMK");
        assertNull(done.keys().emsk(), "MS-PEAP defines no EMSK with cryptobinding");
    }

    @Test
    void wrongCompoundMacFails() throws Exception {
        PeapTlsInner inner = inner(new OneRound(), CryptoBindingPolicy.OPTIONAL);
        byte[] req = extensionsRequest(inner);
        byte[] nonce = Arrays.copyOfRange(req, 19, 51);
        byte[] wrongCmk = new byte[20]; // a peer whose inner method ran elsewhere has another CMK
        var done = assertInstanceOf(TunnelInner.Done.class, inner.receive(peerAnswer(req[1], nonce, wrongCmk, true)));
        assertFalse(done.success());
        assertTrue(done.reason().contains("Compound MAC"), done.reason());
    }

    @Test
    void peerWithoutCryptoBindingIsAcceptedWhenOptionalAndRefusedWhenRequired() throws Exception {
        PeapTlsInner optional = inner(new OneRound(), CryptoBindingPolicy.OPTIONAL);
        byte[] req = extensionsRequest(optional);
        var done = assertInstanceOf(TunnelInner.Done.class, optional.receive(peerAnswer(req[1], null, null, false)));
        assertTrue(done.success(), done.reason());
        assertNull(done.keys(), "without cryptobinding the tunnel's MSK stays");

        PeapTlsInner required = inner(new OneRound(), CryptoBindingPolicy.REQUIRED);
        req = extensionsRequest(required);
        done = assertInstanceOf(TunnelInner.Done.class, required.receive(peerAnswer(req[1], null, null, false)));
        assertFalse(done.success());
        assertTrue(done.reason().contains("required"), done.reason());
    }

    @Test
    void unknownMandatoryTlvOrOverrunInTheAnswerFails() throws Exception {
        for (String answer : new String[]{"02010011218003000200018099000100", "0201000f2180030002000100ff0005"}) {
            PeapTlsInner inner = inner(new OneRound(), CryptoBindingPolicy.OPTIONAL);
            extensionsRequest(inner);
            byte[] p = HEX.parseHex(answer);
            p[3] = (byte) p.length;
            var done = assertInstanceOf(TunnelInner.Done.class, inner.receive(p));
            assertFalse(done.success(), answer);
        }
    }
}
