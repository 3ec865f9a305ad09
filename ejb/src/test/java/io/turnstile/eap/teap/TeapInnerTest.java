package io.turnstile.eap.teap;

import io.turnstile.eap.EapMethod;
import io.turnstile.eap.EapMethodSession;
import io.turnstile.eap.EapPacket;
import io.turnstile.eap.EapPeer;
import io.turnstile.eap.InnerAuthentication;
import io.turnstile.eap.MethodResult;
import io.turnstile.eap.MethodStep;
import io.turnstile.eap.Rfc3748;
import io.turnstile.eap.tls.TlsTunnel;
import io.turnstile.eap.tls.TunnelInner;
import io.turnstile.pki.CertificateHolder;
import io.turnstile.pki.CertificateValidation;
import io.turnstile.policy.AuthType;
import io.turnstile.policy.CertificateFacts;
import org.bouncycastle.tls.CipherSuite;
import org.bouncycastle.tls.PRFAlgorithm;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * TEAP Phase 2 as a state machine, with a stand-in inner EAP-TLS (one round, fixed MSK) and the test as the peer
 * computing its side of the key schedule. The real peer (wpa_supplicant) is driven in TeapIT.
 */
class TeapInnerTest {

    static final byte[] SEED = new byte[40];
    static final byte[] OUTER = TeapTlv.encodeAll(List.of(EapTeapMethod.authorityId("org-1")));

    /** An inner "EAP-TLS" that succeeds (or fails) after one Response, MSK = identity's first octet repeated. */
    static final class FakeInnerTls implements EapMethod {
        final List<String> failFor = new ArrayList<>();

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
            return new EapMethodSession() {
                @Override
                public MethodStep start() {
                    return new MethodStep.Request(new byte[]{0x20});
                }

                @Override
                public MethodStep process(byte[] typeData) {
                    CertificateFacts facts = new CertificateFacts(peer.identity(), null, null,
                            List.of(peer.identity() + ".corp.example"), "01", "CN=CA", "CN=" + peer.identity(), null,
                            null, null);
                    if (failFor.contains(peer.identity())) {
                        return new MethodStep.Failed("certificate expired", new MethodResult(AuthType.EAP_TLS,
                                peer.identity(), new CertificateValidation(CertificateValidation.Outcome.EXPIRED,
                                "expired", facts), null, "TLSv1.2"));
                    }
                    return new MethodStep.Succeeded(new MethodResult(AuthType.EAP_TLS, peer.identity(),
                            new CertificateValidation(CertificateValidation.Outcome.VALID, "ok", facts),
                            msk(peer.identity()), "TLSv1.2"));
                }
            };
        }
    }

    static byte[] msk(String identity) {
        byte[] m = new byte[64];
        Arrays.fill(m, identity.getBytes(StandardCharsets.UTF_8)[0]);
        return m;
    }

    static final TlsTunnel TUNNEL = new TlsTunnel() {
        @Override
        public byte[] exportKeyingMaterial(String label, byte[] context, int length) {
            assertEquals(TeapKeySchedule.SESSION_KEY_SEED_LABEL, label);
            assertNull(context);
            return SEED.clone();
        }

        @Override
        public int cipherSuite() {
            return CipherSuite.TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256;
        }

        @Override
        public int prfAlgorithm() {
            return PRFAlgorithm.tls_prf_sha256;
        }
    };

    final FakeInnerTls innerTls = new FakeInnerTls();
    final TeapInner inner = inner(TeapIdentityPolicy.MACHINE_AND_USER);
    TeapInner inner(TeapIdentityPolicy identities) {
        return new TeapInner(innerTls, identities, new EapPeer("org-1", "anonymous"), new SecureRandom(), OUTER);
    }

    /** The peer's side of the schedule. */
    TeapKeySchedule peerKeys = TeapKeySchedule.start(SEED, "HmacSHA256", "HmacSHA256");

    static List<TeapTlv> tlvs(TunnelInner.Step step) throws Exception {
        return TeapTlv.parseAll(assertInstanceOf(TunnelInner.Reply.class, step).plaintext());
    }

    static TeapTlv find(List<TeapTlv> tlvs, int type) {
        return tlvs.stream().filter(t -> t.type() == type).findFirst().orElse(null);
    }

    static byte[] eapResponse(int type, byte[] data) {
        return new EapPacket(Rfc3748.RESPONSE, 1, type, data).encode();
    }

    /** The peer's identity answer and one inner round; returns the server's binding message. */
    List<TeapTlv> innerRound(TunnelInner.Step identityRequest, String identity, int identityType) throws Exception {
        return innerRound(inner, identityRequest, identity, identityType);
    }

    static List<TeapTlv> innerRound(TeapInner inner, TunnelInner.Step identityRequest, String identity,
                                    int identityType) throws Exception {
        List<TeapTlv> asked = tlvs(identityRequest);
        assertTrue(find(asked, TeapTlv.EAP_PAYLOAD) != null);
        List<TeapTlv> start = tlvs(inner.receive(TeapTlv.encodeAll(List.of(
                TeapTlv.eapPayload(eapResponse(Rfc3748.TYPE_IDENTITY, identity.getBytes(StandardCharsets.UTF_8))),
                TeapTlv.identityType(identityType)))));
        EapPacket tlsStart = EapPacket.parse(find(start, TeapTlv.EAP_PAYLOAD).value());
        assertEquals(Rfc3748.TYPE_TLS, tlsStart.type());
        return tlvs(inner.receive(TeapTlv.encodeAll(List.of(
                TeapTlv.eapPayload(eapResponse(Rfc3748.TYPE_TLS, new byte[]{0}))))));
    }

    /** The peer checks the server's binding and answers it (RFC 7170 §4.2.13: nonce + 1, its own MAC). */
    byte[] answerBinding(List<TeapTlv> binding, String identity, boolean last, boolean tamper) throws Exception {
        peerKeys = peerKeys.next(msk(identity));
        CryptoBinding request = CryptoBinding.parse(find(binding, TeapTlv.CRYPTO_BINDING));
        assertArrayEquals(peerKeys.compoundMac(request, OUTER, new byte[0]), request.mskMac(),
                "the server's Compound MAC verifies with the peer's keys");
        byte[] nonce = request.nonce();
        assertEquals(0, nonce[31] & 1);
        nonce[31] |= 1;
        CryptoBinding response = new CryptoBinding(1, 1, CryptoBinding.FLAG_MSK, CryptoBinding.SUBTYPE_RESPONSE, nonce,
                null, null);
        byte[] mac = peerKeys.compoundMac(response, OUTER, new byte[0]);
        if (tamper) {
            mac[0] ^= 1;
        }
        List<TeapTlv> out = new ArrayList<>();
        if (last) {
            out.add(TeapTlv.result(TeapTlv.SUCCESS));
        }
        out.add(TeapTlv.intermediateResult(TeapTlv.SUCCESS));
        out.add(response.withMskMac(mac).toTlv());
        return TeapTlv.encodeAll(out);
    }

    @Test
    void machineThenUserChainSucceedsWithTheMskOfTheLastSimck() throws Exception {
        inner.established(TUNNEL);
        TunnelInner.Step first = inner.begin();
        assertEquals(TeapTlv.IDENTITY_MACHINE, find(tlvs(first), TeapTlv.IDENTITY_TYPE).status());
        List<TeapTlv> machineBinding = innerRound(first, "pc1", TeapTlv.IDENTITY_MACHINE);
        assertEquals(TeapTlv.SUCCESS, find(machineBinding, TeapTlv.INTERMEDIATE_RESULT).status());
        assertNull(find(machineBinding, TeapTlv.RESULT), "no final Result before the user");

        TunnelInner.Step userRequest = inner.receive(answerBinding(machineBinding, "pc1", false, false));
        assertEquals(TeapTlv.IDENTITY_USER, find(tlvs(userRequest), TeapTlv.IDENTITY_TYPE).status());
        List<TeapTlv> userBinding = innerRound(userRequest, "jo", TeapTlv.IDENTITY_USER);
        assertEquals(TeapTlv.SUCCESS, find(userBinding, TeapTlv.RESULT).status());

        TunnelInner.Done done = assertInstanceOf(TunnelInner.Done.class,
                inner.receive(answerBinding(userBinding, "jo", true, false)));
        assertTrue(done.success(), done.reason());
        assertEquals("jo", done.identity());
        assertArrayEquals(peerKeys.msk(), done.keys().msk(), "MSK = TLS-PRF(S-IMCK[2], ...) on both sides");
        assertArrayEquals(peerKeys.emsk(), done.keys().emsk(), "EMSK = TLS-PRF(S-IMCK[2], ...) on both sides");
        assertEquals(List.of(CertificateHolder.MACHINE, CertificateHolder.USER),
                done.chain().stream().map(InnerAuthentication::holder).toList());
        assertTrue(done.chain().stream().allMatch(InnerAuthentication::success));
    }

    @Test
    void aPeerWithoutMachineCredentialsAnswersAsTheUserAndTheChainEndsThere() throws Exception {
        inner.established(TUNNEL);
        List<TeapTlv> binding = innerRound(inner.begin(), "jo", TeapTlv.IDENTITY_USER);
        assertEquals(TeapTlv.SUCCESS, find(binding, TeapTlv.RESULT).status(), "the user is the last method");
        TunnelInner.Done done = assertInstanceOf(TunnelInner.Done.class,
                inner.receive(answerBinding(binding, "jo", true, false)));
        assertTrue(done.success());
        assertEquals(List.of(CertificateHolder.USER), done.chain().stream().map(InnerAuthentication::holder).toList());
    }

    @Test
    void aWrongCompoundMacEndsWithResultFailureAndTunnelCompromise() throws Exception {
        inner.established(TUNNEL);
        List<TeapTlv> binding = innerRound(inner.begin(), "pc1", TeapTlv.IDENTITY_MACHINE);
        List<TeapTlv> failure = tlvs(inner.receive(answerBinding(binding, "pc1", false, true)));
        assertEquals(TeapTlv.FAILURE, find(failure, TeapTlv.RESULT).status());
        assertEquals("800500040000" + "07d1", java.util.HexFormat.of().formatHex(find(failure, TeapTlv.ERROR).encode()));
        acknowledgeFailure(inner);
    }

    @Test
    void anExpiredUserCertificateFailsTheChainAndIsRecordedAsTheUsers() throws Exception {
        innerTls.failFor.add("jo");
        inner.established(TUNNEL);
        List<TeapTlv> machineBinding = innerRound(inner.begin(), "pc1", TeapTlv.IDENTITY_MACHINE);
        TunnelInner.Step userRequest = inner.receive(answerBinding(machineBinding, "pc1", false, false));
        List<TeapTlv> failure = innerRound(userRequest, "jo", TeapTlv.IDENTITY_USER);
        assertEquals(TeapTlv.FAILURE, find(failure, TeapTlv.RESULT).status());
        TunnelInner.Done done = acknowledgeFailure(inner);
        assertTrue(done.reason().contains("turnstile.eap.teap.identity=machine-or-user"),
                "a machine whose user fails: the reason names the setting that accepts it alone: " + done.reason());
        InnerAuthentication user = done.chain().get(1);
        assertEquals(CertificateHolder.USER, user.holder());
        assertFalse(user.success());
        assertEquals(CertificateValidation.Outcome.EXPIRED, user.certificate().outcome());
        assertEquals("NAC_CLIENT_USER_CERT_EXPIRED", user.holder().eventType(user.certificate().outcome()));
        assertEquals("NAC Client Machine Certificate Validation Success",
                CertificateHolder.MACHINE.eventText(CertificateValidation.Outcome.VALID));
    }

    @Test
    void unknownMandatoryTlvsAreRefusedWithANakAndGarbageEndsTheMethod() throws Exception {
        inner.established(TUNNEL);
        inner.begin();
        List<TeapTlv> nak = tlvs(inner.receive(TeapTlv.encodeAll(List.of(new TeapTlv(true, 999, new byte[2])))));
        assertEquals(TeapTlv.FAILURE, find(nak, TeapTlv.RESULT).status());
        assertEquals(999, find(nak, TeapTlv.NAK).value()[5] & 0xff | (find(nak, TeapTlv.NAK).value()[4] & 0xff) << 8);

        TeapInner other = inner(TeapIdentityPolicy.MACHINE_AND_USER);
        other.established(TUNNEL);
        other.begin();
        TunnelInner.Done done = assertInstanceOf(TunnelInner.Done.class, other.receive(new byte[]{(byte) 0x80, 3, 0}));
        assertFalse(done.success());
    }
    /** The user step after a verified machine: the peer's answer to the Identity-Type user request. */
    TunnelInner.Step afterMachine(byte[] answer) throws Exception {
        inner.established(TUNNEL);
        List<TeapTlv> machineBinding = innerRound(inner.begin(), "pc1", TeapTlv.IDENTITY_MACHINE);
        TunnelInner.Step userRequest = inner.receive(answerBinding(machineBinding, "pc1", false, false));
        assertEquals(TeapTlv.IDENTITY_USER, find(tlvs(userRequest), TeapTlv.IDENTITY_TYPE).status());
        return inner.receive(answer);
    }

    /** The peer acknowledges our Result failure (§3.6.3): the method ends without keys. */
    static TunnelInner.Done acknowledgeFailure(TeapInner inner) {
        TunnelInner.Done done = assertInstanceOf(TunnelInner.Done.class,
                inner.receive(TeapTlv.encodeAll(List.of(TeapTlv.result(TeapTlv.FAILURE)))));
        assertFalse(done.success());
        assertNull(done.keys());
        return done;
    }

    /** A successful end with the machine alone: the MSK of the machine's S-IMCK (as for one inner method). */
    TunnelInner.Done assertMachineOnly(TunnelInner.Step step) {
        TunnelInner.Done done = assertInstanceOf(TunnelInner.Done.class, step);
        assertTrue(done.success(), done.reason());
        assertArrayEquals(peerKeys.msk(), done.keys().msk(), "MSK = TLS-PRF(S-IMCK[1], ...) as for one method");
        assertArrayEquals(peerKeys.emsk(), done.keys().emsk());
        assertEquals(List.of(CertificateHolder.MACHINE),
                done.chain().stream().map(InnerAuthentication::holder).toList());
        assertTrue(done.chain().get(0).success());
        return done;
    }

    static byte[] resultSuccess() {
        return TeapTlv.encodeAll(List.of(TeapTlv.result(TeapTlv.SUCCESS)));
    }

    static byte[] emptyIdentity(Integer identityType) {
        List<TeapTlv> out = new ArrayList<>(List.of(TeapTlv.eapPayload(eapResponse(Rfc3748.TYPE_IDENTITY,
                new byte[0]))));
        if (identityType != null) {
            out.add(TeapTlv.identityType(identityType));
        }
        return TeapTlv.encodeAll(out);
    }

    /** Windows with nobody signed in: an empty identity for the user request ends with the machine alone. */
    @Test
    void anEmptyUserIdentityAfterTheMachineIsAMachineOnlyLoginWithTheMskOfTheMachineSimck() throws Exception {
        List<TeapTlv> result = tlvs(afterMachine(emptyIdentity(TeapTlv.IDENTITY_USER)));
        assertEquals(TeapTlv.SUCCESS, find(result, TeapTlv.RESULT).status());
        assertNull(find(result, TeapTlv.CRYPTO_BINDING), "the machine's Crypto-Binding was the last one");
        assertNull(find(result, TeapTlv.INTERMEDIATE_RESULT), "no inner method since the machine's");
        assertNull(find(result, TeapTlv.EAP_PAYLOAD));

        TunnelInner.Done done = assertMachineOnly(inner.receive(resultSuccess()));
        assertEquals("pc1", done.identity(), "no user: policy sees the machine identity");
        assertEquals("pc1", done.certificate().facts().cn());
    }

    @Test
    void anEmptyIdentityDeclaredAsTheMachineAlsoEndsWithTheMachineAlone() throws Exception {
        assertEquals(TeapTlv.SUCCESS, find(tlvs(afterMachine(emptyIdentity(TeapTlv.IDENTITY_MACHINE))),
                TeapTlv.RESULT).status());
        assertMachineOnly(inner.receive(resultSuccess()));
    }

    /** wpa_supplicant without a user identity answers with its Identity-Type TLV alone (no EAP-Payload). */
    @Test
    void anIdentityTypeWithoutEapPayloadAfterTheMachineIsAMachineOnlyLogin() throws Exception {
        List<TeapTlv> result = tlvs(afterMachine(TeapTlv.encodeAll(List.of(
                TeapTlv.identityType(TeapTlv.IDENTITY_USER)))));
        assertEquals(TeapTlv.SUCCESS, find(result, TeapTlv.RESULT).status());
        assertNull(find(result, TeapTlv.CRYPTO_BINDING));
        assertMachineOnly(inner.receive(resultSuccess()));
    }

    @Test
    void aMachineOnlyPeerThatDoesNotAcknowledgeTheResultFailsWithoutKeys() throws Exception {
        afterMachine(emptyIdentity(null));
        TunnelInner.Done done = assertInstanceOf(TunnelInner.Done.class, inner.receive(TeapTlv.encodeAll(List.of(
                TeapTlv.eapPayload(eapResponse(Rfc3748.TYPE_TLS, new byte[]{0}))))));
        assertFalse(done.success());
        assertNull(done.keys());
        assertTrue(done.reason().contains("did not acknowledge"), done.reason());
    }

    /** A peer that answers the user request with a Result failure has ended the method: a clean reject. */
    @Test
    void aResultFailureForTheUserRequestEndsWithARejectThatNamesTheSetting() throws Exception {
        TunnelInner.Done done = assertInstanceOf(TunnelInner.Done.class,
                afterMachine(TeapTlv.encodeAll(List.of(TeapTlv.result(TeapTlv.FAILURE)))));
        assertFalse(done.success());
        assertNull(done.keys());
        assertTrue(done.reason().contains("turnstile.eap.teap.identity=machine-or-user"), done.reason());
        assertEquals(List.of(CertificateHolder.MACHINE),
                done.chain().stream().map(InnerAuthentication::holder).toList());
    }

    @Test
    void anInnerMethodInsteadOfTheUserIdentityEndsWithResultFailure() throws Exception {
        List<TeapTlv> failure = tlvs(afterMachine(TeapTlv.encodeAll(List.of(
                TeapTlv.eapPayload(eapResponse(Rfc3748.TYPE_TLS, new byte[]{0}))))));
        assertEquals(TeapTlv.FAILURE, find(failure, TeapTlv.RESULT).status());
        acknowledgeFailure(inner);
    }

    @Test
    void nothingButGarbageOrAnEmptyMessageForTheUserRequestNeverHangs() throws Exception {
        TunnelInner.Step garbage = afterMachine(new byte[]{1, 2, 3});
        TunnelInner.Done done = assertInstanceOf(TunnelInner.Done.class, garbage);
        assertFalse(done.success());

        TeapInner other = inner(TeapIdentityPolicy.MACHINE_AND_USER);
        other.established(TUNNEL);
        peerKeys = TeapKeySchedule.start(SEED, "HmacSHA256", "HmacSHA256");
        List<TeapTlv> binding = innerRound(other, other.begin(), "pc1", TeapTlv.IDENTITY_MACHINE);
        other.receive(answerBinding(binding, "pc1", false, false));
        List<TeapTlv> failure = tlvs(other.receive(new byte[0]));
        assertEquals(TeapTlv.FAILURE, find(failure, TeapTlv.RESULT).status());
        assertFalse(assertInstanceOf(TunnelInner.Done.class, other.receive(new byte[0])).success());
    }

    /** An empty identity is no way around the machine: as the first answer it starts the machine's EAP-TLS. */
    @Test
    void anEmptyIdentityForTheMachineRequestIsNoMachineOnlyLogin() throws Exception {
        inner.established(TUNNEL);
        inner.begin();
        List<TeapTlv> reply = tlvs(inner.receive(emptyIdentity(null)));
        assertNull(find(reply, TeapTlv.RESULT), "no Result without an authenticated machine");
        assertEquals(Rfc3748.TYPE_TLS, EapPacket.parse(find(reply, TeapTlv.EAP_PAYLOAD).value()).type());
    }

    /** hostapd eap_teap_id=4: the machine's binding is the last one, with the Result. */
    @Test
    void machineOrUserEndsAfterTheMachineWithResultAndBinding() throws Exception {
        TeapInner single = inner(TeapIdentityPolicy.MACHINE_OR_USER);
        single.established(TUNNEL);
        TunnelInner.Step first = single.begin();
        assertEquals(TeapTlv.IDENTITY_MACHINE, find(tlvs(first), TeapTlv.IDENTITY_TYPE).status());
        List<TeapTlv> binding = innerRound(single, first, "pc1", TeapTlv.IDENTITY_MACHINE);
        assertEquals(TeapTlv.SUCCESS, find(binding, TeapTlv.INTERMEDIATE_RESULT).status());
        assertEquals(TeapTlv.SUCCESS, find(binding, TeapTlv.RESULT).status(), "the machine is the last method");
        assertMachineOnly(single.receive(answerBinding(binding, "pc1", true, false)));
    }

    @Test
    void machineOrUserStillRequiresTheResultWithTheBinding() throws Exception {
        TeapInner single = inner(TeapIdentityPolicy.MACHINE_OR_USER);
        single.established(TUNNEL);
        List<TeapTlv> binding = innerRound(single, single.begin(), "pc1", TeapTlv.IDENTITY_MACHINE);
        List<TeapTlv> failure = tlvs(single.receive(answerBinding(binding, "pc1", false, false)));
        assertEquals(TeapTlv.FAILURE, find(failure, TeapTlv.RESULT).status());
    }

    @Test
    void machineOrUserAcceptsAUserOnlyPeer() throws Exception {
        TeapInner single = inner(TeapIdentityPolicy.MACHINE_OR_USER);
        single.established(TUNNEL);
        List<TeapTlv> binding = innerRound(single, single.begin(), "jo", TeapTlv.IDENTITY_USER);
        assertEquals(TeapTlv.SUCCESS, find(binding, TeapTlv.RESULT).status());
        TunnelInner.Done done = assertInstanceOf(TunnelInner.Done.class,
                single.receive(answerBinding(binding, "jo", true, false)));
        assertTrue(done.success());
        assertEquals(List.of(CertificateHolder.USER), done.chain().stream().map(InnerAuthentication::holder).toList());
    }

    @Test
    void theSettingParsesItsTwoValuesAndRefusesOthers() {
        assertEquals(TeapIdentityPolicy.MACHINE_AND_USER, TeapIdentityPolicy.parse(" Machine-And-User "));
        assertEquals(TeapIdentityPolicy.MACHINE_OR_USER, TeapIdentityPolicy.parse("machine-or-user"));
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> TeapIdentityPolicy.parse("user-only"));
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> TeapIdentityPolicy.parse(null));
    }
}
