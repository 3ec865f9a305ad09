package io.turnstile.eap;

import io.turnstile.eap.tls.EapTlsMethod;
import io.turnstile.eap.tls.EapTlsSettings;
import io.turnstile.pki.CertificateIssuer;
import io.turnstile.pki.CertificateValidation;
import io.turnstile.pki.CertifiedKey;
import io.turnstile.pki.EapTlsCredentials;
import io.turnstile.platform.MutableClock;
import io.turnstile.policy.AuthType;
import org.bouncycastle.tls.ProtocolVersion;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Whole EAP-TLS conversations through the engine, with Bouncy Castle's TLS client as the peer: TLS 1.2 (RFC 5216)
 * and TLS 1.3 (RFC 9190), fragmentation both ways, and the MSK both sides derive.
 */
class EapTlsConversationTest {

    static final Instant NOW = Instant.parse("2026-01-10T10:00:00Z");
    static final SecureRandom RANDOM = new SecureRandom();
    static CertifiedKey ca;
    static CertifiedKey server;
    static CertifiedKey ecServer;
    static CertifiedKey client;
    static CertifiedKey expiredClient;
    static CertifiedKey foreignClient;

    @BeforeAll
    static void pki() throws Exception {
        CertificateIssuer issuer = new CertificateIssuer(RANDOM);
        ca = issuer.createCa("Example Org", NOW.minus(Duration.ofDays(10)));
        server = issuer.issueServerCertificate(ca, "auth.example.net", NOW.minus(Duration.ofDays(1)));
        ecServer = issuer.issueServerCertificate(ca, "auth.example.net", NOW.minus(Duration.ofDays(1)),
                io.turnstile.pki.ServerKeyType.EC_P256);
        client = clientKey(issuer, ca, "laptop-7", NOW.minus(Duration.ofDays(1)), Duration.ofDays(30));
        expiredClient = clientKey(issuer, ca, "old-laptop", NOW.minus(Duration.ofDays(5)), Duration.ofDays(2));
        CertifiedKey otherCa = issuer.createCa("Someone Else", NOW.minus(Duration.ofDays(10)));
        foreignClient = clientKey(issuer, otherCa, "intruder", NOW.minus(Duration.ofDays(1)), Duration.ofDays(30));
    }

    static CertifiedKey clientKey(CertificateIssuer issuer, CertifiedKey ca, String cn, Instant at, Duration validity)
            throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(2048, RANDOM);
        KeyPair keys = g.generateKeyPair();
        return new CertifiedKey(keys.getPrivate(), List.of(issuer.issueClientCertificate(ca, cn, keys.getPublic(), at,
                validity), ca.certificate()));
    }

    static EapEngine engine(MutableClock clock, int fragmentSize, String minVersion) {
        return engine(clock, fragmentSize, minVersion, server);
    }

    static EapEngine engine(MutableClock clock, int fragmentSize, String minVersion, CertifiedKey serverKey) {
        EapTlsCredentials creds = new EapTlsCredentials(serverKey, List.of(ca.certificate()), List.of());
        EapTlsMethod tls = new EapTlsMethod(org -> Optional.of(creds), new EapTlsSettings(minVersion, fragmentSize,
                64 * 1024), RANDOM, clock);
        return new EapEngine(List.of(tls), new EapConversationTable(100, 1000, Duration.ofSeconds(60), clock), RANDOM);
    }

    /** Runs a conversation to its end; returns the outcome and leaves the peer's view in {@code peer}. */
    static EapOutcome.Finished run(EapEngine engine, TlsPeer peer, String identity) throws Exception {
        byte[] eap = new EapPacket(Rfc3748.RESPONSE, 0, Rfc3748.TYPE_IDENTITY,
                identity.getBytes(StandardCharsets.UTF_8)).encode();
        EapOutcome outcome = engine.handle("org/c/127.0.0.1", "org", eap, null);
        for (int round = 0; round < 200; round++) {
            if (outcome instanceof EapOutcome.Finished f) {
                return f;
            }
            EapOutcome.Challenge c = assertInstanceOf(EapOutcome.Challenge.class, outcome);
            EapPacket request = EapPacket.parse(c.eapRequest());
            assertEquals(Rfc3748.REQUEST, request.code());
            assertEquals(Rfc3748.TYPE_TLS, request.type());
            byte[] answer;
            try {
                answer = peer.respond(request.typeData());
            } catch (org.bouncycastle.tls.TlsFatalAlertReceived alert) {
                // The server's alert arrived; a supplicant ACKs it and waits for EAP-Failure (RFC 5216 §2.1.3).
                answer = io.turnstile.eap.tls.EapTlsPacket.ack().encode();
            }
            byte[] response = new EapPacket(Rfc3748.RESPONSE, request.identifier(), Rfc3748.TYPE_TLS, answer).encode();
            outcome = engine.handle("org/c/127.0.0.1", "org", response, c.state());
        }
        throw new AssertionError("conversation did not end");
    }

    @Test
    void tls12ConversationDerivesTheSameMskOnBothSides() throws Exception {
        MutableClock clock = new MutableClock(NOW);
        EapEngine engine = engine(clock, 1300, "1.2");
        TlsPeer peer = new TlsPeer(ProtocolVersion.TLSv12, client, 1000);
        EapOutcome.Finished end = run(engine, peer, "anonymous@example.net");
        assertTrue(end.success(), end.reason());
        assertEquals(AuthType.EAP_TLS, end.result().authType());
        assertEquals("TLSv1.2", end.result().tlsVersion());
        assertEquals("laptop-7", end.result().identity());
        assertEquals("anonymous@example.net", end.identity());
        assertEquals(64, end.result().msk().length);
        assertArrayEquals(peer.msk, end.result().msk());
        assertArrayEquals(peer.emsk, end.result().emsk(), "RFC 5216 §2.3: EMSK = key material octets 64..127");
        assertEquals(64, end.result().emsk().length);
        assertFalse(java.util.Arrays.equals(end.result().msk(), end.result().emsk()));
        assertEquals(0, engine.conversations().size(), "a finished conversation is removed");
    }

    /** An ECDSA P-256 server key (turnstile.pki.server-key-type = ec-p256): ECDHE_ECDSA suites and ecdsa schemes. */
    @Test
    void ecdsaServerKeyWorksOnTls12AndTls13() throws Exception {
        for (ProtocolVersion version : List.of(ProtocolVersion.TLSv12, ProtocolVersion.TLSv13)) {
            MutableClock clock = new MutableClock(NOW);
            EapEngine engine = engine(clock, 1300, "1.2", ecServer);
            TlsPeer peer = new TlsPeer(version, client, 1000);
            EapOutcome.Finished end = run(engine, peer, "anonymous@example.net");
            assertTrue(end.success(), end.reason());
            assertEquals(version == ProtocolVersion.TLSv13 ? "TLSv1.3" : "TLSv1.2", end.result().tlsVersion());
            assertArrayEquals(peer.msk, end.result().msk());
            assertEquals("EC", peer.serverKeyAlgorithm);
        }
    }

    @Test
    void tls13ConversationSendsTheCommitmentMessageAndDerivesTheExporterMsk() throws Exception {
        MutableClock clock = new MutableClock(NOW);
        EapEngine engine = engine(clock, 1300, "1.2");
        TlsPeer peer = new TlsPeer(ProtocolVersion.TLSv13, client, 1000);
        EapOutcome.Finished end = run(engine, peer, "anonymous");
        assertTrue(end.success(), end.reason());
        assertEquals("TLSv1.3", end.result().tlsVersion());
        assertArrayEquals(new byte[]{0}, peer.applicationData, "RFC 9190 §2.1.1 commitment message");
        assertArrayEquals(peer.msk, end.result().msk());
        assertArrayEquals(peer.emsk, end.result().emsk(), "RFC 9190 §2.3: EMSK = exporter octets 64..127");
    }

    @Test
    void smallFragmentsAreAcknowledgedInBothDirections() throws Exception {
        MutableClock clock = new MutableClock(NOW);
        EapEngine engine = engine(clock, 100, "1.2");
        TlsPeer peer = new TlsPeer(ProtocolVersion.TLSv12, client, 90);
        EapOutcome.Finished end = run(engine, peer, "anonymous");
        assertTrue(end.success(), end.reason());
        assertTrue(peer.fragmentsReceived > 10, "server flight came in " + peer.fragmentsReceived + " fragments");
        assertTrue(peer.fragmentsSent > 10, "client flight went in " + peer.fragmentsSent + " fragments");
        assertArrayEquals(peer.msk, end.result().msk());
    }

    @Test
    void minimumTls13RefusesATls12Peer() throws Exception {
        MutableClock clock = new MutableClock(NOW);
        EapEngine engine = engine(clock, 1300, "1.3");
        TlsPeer peer = new TlsPeer(ProtocolVersion.TLSv12, client, 1000);
        EapOutcome.Finished end = run(engine, peer, "anonymous");
        assertFalse(end.success());
        assertEquals(0, end.result().msk().length);
    }

    @Test
    void expiredClientCertificateFailsWithTheExpiredOutcome() throws Exception {
        MutableClock clock = new MutableClock(NOW);
        EapEngine engine = engine(clock, 1300, "1.2");
        EapOutcome.Finished end = run(engine, new TlsPeer(ProtocolVersion.TLSv12, expiredClient, 1000), "anonymous");
        assertFalse(end.success());
        assertNotNull(end.result().certificate());
        assertEquals(CertificateValidation.Outcome.EXPIRED, end.result().certificate().outcome());
        assertEquals("old-laptop", end.result().certificate().facts().cn());
        assertEquals(0, engine.conversations().size());
    }

    @Test
    void certificateFromAnotherCaFails() throws Exception {
        MutableClock clock = new MutableClock(NOW);
        EapEngine engine = engine(clock, 1300, "1.2");
        EapOutcome.Finished end = run(engine, new TlsPeer(ProtocolVersion.TLSv13, foreignClient, 1000), "anonymous");
        assertFalse(end.success());
        assertEquals(CertificateValidation.Outcome.INVALID, end.result().certificate().outcome());
        assertTrue(end.result().certificate().reason().contains("trusted CA"), end.result().certificate().reason());
    }

    @Test
    void peerWithoutCertificateFails() throws Exception {
        MutableClock clock = new MutableClock(NOW);
        EapEngine engine = engine(clock, 1300, "1.2");
        EapOutcome.Finished end = run(engine, new TlsPeer(ProtocolVersion.TLSv12, null, 1000), "anonymous");
        assertFalse(end.success());
        assertEquals(0, end.result().msk().length);
        assertEquals(0, end.result().emsk().length);
    }
}
