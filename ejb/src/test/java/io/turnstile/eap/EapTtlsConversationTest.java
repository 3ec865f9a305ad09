package io.turnstile.eap;

import io.turnstile.eap.tls.EapTlsMethod;
import io.turnstile.eap.tls.EapTlsPacket;
import io.turnstile.eap.tls.EapTlsSettings;
import io.turnstile.eap.ttls.EapTtlsMethod;
import io.turnstile.eap.ttls.TtlsAvp;
import io.turnstile.identity.IdentityProviders;
import io.turnstile.identity.IdpOutcome;
import io.turnstile.identity.IdpRequest;
import io.turnstile.identity.IdpResult;
import io.turnstile.pki.EapTlsCredentials;
import io.turnstile.platform.MutableClock;
import io.turnstile.policy.AuthType;
import org.bouncycastle.tls.ProtocolVersion;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Whole EAP-TTLS/PAP conversations (RFC 5281) through the engine with Bouncy Castle's TLS 1.2 client as the peer:
 * the Nak from EAP-TLS to TTLS, the PAP AVPs reaching the identity provider, the inner identity and groups in the
 * result, and the "ttls keying material" MSK on both sides.
 */
class EapTtlsConversationTest {

    /** alice / right-password is valid with groups staff, wifi; everything else is wrong. */
    static final class FakeIdps implements IdentityProviders {
        final List<IdpRequest> asked = new ArrayList<>();

        @Override
        public IdpOutcome authenticate(IdpRequest request, String password) {
            asked.add(request);
            if (request.userName().equals("alice@corp.example") && password.equals("right-password")) {
                return new IdpOutcome("idp-1", "ldap",
                        new IdpResult.Authenticated("uid=alice", List.of("staff", "wifi"), Map.of(), true));
            }
            return new IdpOutcome("idp-1", "ldap", new IdpResult.InvalidCredentials("wrong password"));
        }

        @Override
        public IdpOutcome lookup(IdpRequest request) {
            throw new AssertionError("PAP never looks up");
        }
    }

    @BeforeAll
    static void pki() throws Exception {
        EapTlsConversationTest.pki();
    }

    static EapEngine engine(FakeIdps idps, String minVersion) {
        MutableClock clock = new MutableClock(EapTlsConversationTest.NOW);
        EapTlsCredentials creds = new EapTlsCredentials(EapTlsConversationTest.server,
                List.of(EapTlsConversationTest.ca.certificate()), List.of());
        EapTlsSettings settings = new EapTlsSettings(minVersion, 1300, 64 * 1024);
        return new EapEngine(List.of(
                new EapTlsMethod(org -> Optional.of(creds), settings, EapTlsConversationTest.RANDOM, clock),
                new EapTtlsMethod(idps, org -> Optional.of(creds), settings, EapTlsConversationTest.RANDOM, clock)),
                new EapConversationTable(100, 1000, Duration.ofSeconds(60), clock), EapTlsConversationTest.RANDOM);
    }

    static byte[] pap(String user, String password) {
        // RFC 5281 §11.2.5: the password padded with NULs to 16 octets, as wpa_supplicant sends it.
        byte[] pw = password.getBytes(StandardCharsets.UTF_8);
        byte[] padded = java.util.Arrays.copyOf(pw, (pw.length + 15) / 16 * 16);
        return TtlsAvp.encodeAll(List.of(TtlsAvp.of(TtlsAvp.USER_NAME, user.getBytes(StandardCharsets.UTF_8)),
                TtlsAvp.of(TtlsAvp.USER_PASSWORD, padded)));
    }

    /** Identity, EAP-TLS proposed, Nak for TTLS, then the TLS 1.2 handshake and Phase 2 {@code phase2}. */
    static EapOutcome.Finished run(EapEngine engine, TlsPeer peer, byte[] phase2) throws Exception {
        peer.keyLabel = "ttls keying material";
        peer.typeCode = Rfc3748.TYPE_TTLS;
        peer.phase2 = phase2;
        String nas = "org/c/127.0.0.1";
        EapOutcome outcome = engine.handle(nas, "org", new EapPacket(Rfc3748.RESPONSE, 0, Rfc3748.TYPE_IDENTITY,
                "anonymous@corp.example".getBytes(StandardCharsets.UTF_8)).encode(), null, "020000aa0001", "10.0.0.9");
        EapOutcome.Challenge first = assertInstanceOf(EapOutcome.Challenge.class, outcome);
        EapPacket tlsStart = EapPacket.parse(first.eapRequest());
        assertEquals(Rfc3748.TYPE_TLS, tlsStart.type(), "EAP-TLS is proposed first");
        outcome = engine.handle(nas, "org", new EapPacket(Rfc3748.RESPONSE, tlsStart.identifier(), Rfc3748.TYPE_NAK,
                new byte[]{Rfc3748.TYPE_TTLS}).encode(), first.state());
        for (int round = 0; round < 100; round++) {
            if (outcome instanceof EapOutcome.Finished f) {
                return f;
            }
            EapOutcome.Challenge c = assertInstanceOf(EapOutcome.Challenge.class, outcome);
            EapPacket request = EapPacket.parse(c.eapRequest());
            assertEquals(Rfc3748.TYPE_TTLS, request.type());
            byte[] answer = peer.respond(request.typeData());
            outcome = engine.handle(nas, "org", new EapPacket(Rfc3748.RESPONSE, request.identifier(),
                    Rfc3748.TYPE_TTLS, answer).encode(), c.state());
        }
        throw new AssertionError("conversation did not end");
    }

    @Test
    void rightPasswordAuthenticatesTheInnerIdentityWithItsGroupsAndTheTtlsMsk() throws Exception {
        FakeIdps idps = new FakeIdps();
        TlsPeer peer = new TlsPeer(ProtocolVersion.TLSv12, null, 1000);
        EapOutcome.Finished end = run(engine(idps, "1.2"), peer, pap("alice@corp.example", "right-password"));
        assertTrue(end.success(), end.reason());
        assertEquals(AuthType.EAP_TTLS, end.result().authType());
        assertEquals("alice@corp.example", end.result().identity(), "the inner identity, not the anonymous outer one");
        assertEquals("anonymous@corp.example", end.identity());
        assertEquals(List.of("staff", "wifi"), end.result().idpGroups());
        assertEquals("TLSv1.2", end.result().tlsVersion());
        assertNull(end.result().certificate());
        assertEquals(64, end.result().msk().length);
        assertArrayEquals(peer.msk, end.result().msk(), "RFC 5281 §8 MSK equals the peer's");
        assertArrayEquals(peer.emsk, end.result().emsk(), "EMSK: the next 64 octets of the TTLS key material");
        IdpRequest asked = idps.asked.get(0);
        assertEquals("020000aa0001", asked.mac());
        assertEquals("10.0.0.9", asked.nasIp());
        assertEquals("eap-ttls", asked.authType());
    }

    @Test
    void wrongPasswordFailsWithoutKeys() throws Exception {
        FakeIdps idps = new FakeIdps();
        EapOutcome.Finished end = run(engine(idps, "1.2"), new TlsPeer(ProtocolVersion.TLSv12, null, 1000),
                pap("alice@corp.example", "wrong"));
        assertFalse(end.success());
        assertTrue(end.reason().contains("invalid_credentials"), end.reason());
        assertEquals(0, end.result().msk().length);
        assertEquals(List.of(), end.result().idpGroups());
    }

    @Test
    void unknownMandatoryAvpFailsBeforeAskingTheDirectory() throws Exception {
        FakeIdps idps = new FakeIdps();
        byte[] phase2 = TtlsAvp.encodeAll(List.of(TtlsAvp.of(TtlsAvp.USER_NAME, "alice@corp.example".getBytes()),
                new TtlsAvp(9999, true, 0, new byte[]{1})));
        EapOutcome.Finished end = run(engine(idps, "1.2"), new TlsPeer(ProtocolVersion.TLSv12, null, 1000), phase2);
        assertFalse(end.success());
        assertTrue(end.reason().contains("mandatory AVP 9999"), end.reason());
        assertTrue(idps.asked.isEmpty());
    }

    @Test
    void tls13WithPhase2InTheFinishedMessageUsesTheRfc9427Exporter() throws Exception {
        FakeIdps idps = new FakeIdps();
        TlsPeer peer = new TlsPeer(ProtocolVersion.TLSv13, null, 1000);
        EapOutcome.Finished end = run(engine(idps, "1.3"), peer, pap("alice@corp.example", "right-password"));
        assertTrue(end.success(), end.reason());
        assertEquals("TLSv1.3", end.result().tlsVersion());
        assertEquals("alice@corp.example", end.result().identity());
        assertArrayEquals(peer.msk, end.result().msk(), "RFC 9427 §2.1: exporter with Type-Code 21");
        assertArrayEquals(peer.emsk, end.result().emsk());
        assertEquals(0, peer.applicationData.length, "no EAP-TLS commitment message inside TTLS (RFC 9427)");
    }

    @Test
    void tls13PeerWaitingForTheServerGetsAnEmptyRequestThenSendsPhase2() throws Exception {
        FakeIdps idps = new FakeIdps();
        TlsPeer peer = new TlsPeer(ProtocolVersion.TLSv13, null, 1000);
        peer.phase2WithFinished = false;
        EapOutcome.Finished end = run(engine(idps, "1.2"), peer, pap("alice@corp.example", "right-password"));
        assertTrue(end.success(), end.reason());
        assertEquals("TLSv1.3", end.result().tlsVersion());
        assertArrayEquals(peer.msk, end.result().msk());
        assertEquals(1, idps.asked.size());
    }

    @Test
    void maximumTls12KeepsTtlsOnTls12() throws Exception {
        FakeIdps idps = new FakeIdps();
        MutableClock clock = new MutableClock(EapTlsConversationTest.NOW);
        EapTlsCredentials creds = new EapTlsCredentials(EapTlsConversationTest.server,
                List.of(EapTlsConversationTest.ca.certificate()), List.of());
        EapEngine engine = new EapEngine(List.of(new EapTlsMethod(org -> Optional.of(creds),
                        EapTlsSettings.DEFAULTS, EapTlsConversationTest.RANDOM, clock),
                new EapTtlsMethod(idps, org -> Optional.of(creds), new EapTlsSettings("1.2", 1300, 64 * 1024, "1.2"),
                        EapTlsConversationTest.RANDOM, clock)),
                new EapConversationTable(100, 1000, Duration.ofSeconds(60), clock), EapTlsConversationTest.RANDOM);
        TlsPeer tls13Only = new TlsPeer(ProtocolVersion.TLSv13, null, 1000);
        var alert = org.junit.jupiter.api.Assertions.assertThrows(org.bouncycastle.tls.TlsFatalAlertReceived.class,
                () -> run(engine, tls13Only, pap("alice@corp.example", "right-password")));
        assertEquals(org.bouncycastle.tls.AlertDescription.protocol_version, alert.getAlertDescription(),
                "a TLS 1.3-only peer finds no common version");
        assertTrue(idps.asked.isEmpty());
    }

    @Test
    void anAckInsteadOfPhase2Fails() throws Exception {
        FakeIdps idps = new FakeIdps();
        EapOutcome.Finished end = run(engine(idps, "1.2"), new TlsPeer(ProtocolVersion.TLSv12, null, 1000), null);
        assertFalse(end.success());
        assertTrue(end.reason().contains("no Phase 2"), end.reason());
        assertEquals(EapTlsPacket.ack().encode().length, 1);
    }
}
