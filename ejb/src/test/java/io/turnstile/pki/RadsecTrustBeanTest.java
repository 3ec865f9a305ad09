package io.turnstile.pki;

import io.turnstile.org.OrgSetting;
import io.turnstile.org.SettingService;
import io.turnstile.radius.api.NasClient;
import io.turnstile.radius.api.RadsecCredentials;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.turnstile.pki.TestPki.NOW;
import static io.turnstile.pki.TestPki.RANDOM;
import static io.turnstile.pki.TestPki.SERVER_NAME;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RadsecTrustBeanTest {

    static final String ORG = "0b1c2d3e-0000-4000-8000-000000000001";
    static final String ORG_2 = "0b1c2d3e-0000-4000-8000-000000000002";
    static final InetAddress PEER = InetAddress.getLoopbackAddress();

    /** Only {@code radsecTrustedCas} is used. */
    static final class Settings implements SettingService {
        final Map<String, List<X509Certificate>> radsecCas = new HashMap<>();
        int calls;

        @Override
        public OrgSetting get(String orgId) {
            throw new UnsupportedOperationException();
        }

        @Override
        public OrgSetting update(String orgId, Map<String, Object> changes) {
            throw new UnsupportedOperationException();
        }

        @Override
        public java.util.Optional<io.turnstile.pki.CertifiedKey> importedServerCertificate(String orgId) {
            return java.util.Optional.empty();
        }

        @Override
        public List<X509Certificate> radsecTrustedCas(String orgId) {
            calls++;
            return radsecCas.getOrDefault(orgId, List.of());
        }
    }

    TestPki.MemoryStorage storage;
    TestPki.MutableClock clock;
    io.turnstile.platform.SecretBox box;
    OrgPki pki;
    Settings settings;
    RadsecTrustBean trust;
    List<PkiChanged> changes;
    /** An outside CA listed in the org's radsec.cacerts. */
    static CertifiedKey partnerCa;

    @BeforeAll
    static void partner() {
        partnerCa = new CertificateIssuer(RANDOM).createCa("Partner", NOW);
    }

    @BeforeEach
    void setUp() {
        storage = new TestPki.MemoryStorage().org(ORG, "Acme");
        clock = new TestPki.MutableClock(NOW);
        changes = new ArrayList<>();
        box = TestPki.secretBox();
        pki = new OrgPki(storage, box, new CertificateIssuer(RANDOM), clock, SERVER_NAME, changes::add);
        settings = new Settings();
        settings.radsecCas.put(ORG, List.of(partnerCa.certificate()));
        trust = new RadsecTrustBean(pki, settings, clock);
    }

    private X509Certificate orgClient(String cn) {
        return pki.issueClientCertificate(ORG, cn, TestPki.ec("secp256r1").getPublic(), Duration.ofDays(30));
    }

    private static void assertRefused(Optional<NasClient> result) {
        assertTrue(result.isEmpty(), () -> "refused, not " + result);
    }

    @Test
    void credentialsAreTheServerKeyAndChainOfTheFirstOrganisation() throws Exception {
        RadsecCredentials c = trust.credentials().orElseThrow();
        X509Certificate ca = pki.caCertificate(ORG);
        assertEquals(2, c.chain().size());
        assertEquals(ca, c.chain().get(1));
        assertEquals(List.of("1.3.6.1.5.5.7.3.1"), c.chain().get(0).getExtendedKeyUsage());
        TestPki.validate(List.of(c.chain().get(0)), ca, NOW);
        assertEquals(List.of(ca, partnerCa.certificate()), c.trustedCas());

        Signature sig = Signature.getInstance("SHA256withRSA");
        sig.initSign(c.key());
        sig.update(new byte[] {42});
        byte[] s = sig.sign();
        sig.initVerify(c.chain().get(0).getPublicKey());
        sig.update(new byte[] {42});
        assertTrue(sig.verify(s), "the key belongs to the certificate");
        assertFalse(c.toString().contains(java.util.Base64.getEncoder().encodeToString(c.key().getEncoded())
                .substring(0, 20)));
    }

    @Test
    void noOrganisationNoCredentials() {
        storage.organisations.clear();
        assertTrue(trust.credentials().isEmpty());
        assertRefused(trust.resolvePeer(List.of(partnerCa.certificate()), PEER));
    }

    @Test
    void acceptsAClientCertificateOfTheOrgCa() {
        X509Certificate client = orgClient("ap-lobby");
        NasClient nas = trust.resolvePeer(List.of(client), PEER).orElseThrow();
        assertEquals(new NasClient(ORG, "radsec", "radsec:ap-lobby", "radsec".getBytes(StandardCharsets.US_ASCII),
                "generic", null, false), nas);
        assertArrayEquals("radsec".getBytes(StandardCharsets.US_ASCII), nas.secret());
        assertFalse(nas.requireMessageAuthenticator());
        // with its CA in the chain too
        assertEquals(ORG, trust.resolvePeer(List.of(client, pki.caCertificate(ORG)), PEER).orElseThrow().orgId());
    }

    @Test
    void acceptsAClientCertificateOfARadsecCacertsCa() {
        KeyPair keys = TestPki.ec("secp256r1");
        X509Certificate client = new CertificateIssuer(RANDOM).issueClientCertificate(partnerCa, "partner-ap",
                keys.getPublic(), NOW, Duration.ofDays(30));
        assertEquals("radsec:partner-ap", trust.resolvePeer(List.of(client), PEER).orElseThrow().match());
    }

    @Test
    void acceptsACertificateWithoutExtendedKeyUsage() {
        KeyPair keys = TestPki.rsa(2048);
        X509Certificate client = TestPki.certificate("legacy-switch", keys,
                partnerCa.certificate().getSubjectX500Principal(), partnerCa.key(), NOW.minusSeconds(60),
                NOW.plus(Duration.ofDays(1)), false);
        assertEquals("radsec:legacy-switch", trust.resolvePeer(List.of(client), PEER).orElseThrow().match());
    }

    @Test
    void refusesAnUnrelatedSelfSignedCertificate() {
        KeyPair keys = TestPki.rsa(2048);
        assertRefused(trust.resolvePeer(List.of(TestPki.selfSigned("intruder", keys, NOW.minusSeconds(60),
                NOW.plus(Duration.ofDays(30)), KeyPurposeId.id_kp_clientAuth)), PEER));
    }

    @Test
    void refusesACertificateClaimingTheOrgCaAsIssuerWithoutItsSignature() {
        KeyPair keys = TestPki.rsa(2048);
        X509Certificate forged = TestPki.certificate("forged", keys,
                pki.caCertificate(ORG).getSubjectX500Principal(), keys.getPrivate(), NOW.minusSeconds(60),
                NOW.plus(Duration.ofDays(1)), false, KeyPurposeId.id_kp_clientAuth);
        assertRefused(trust.resolvePeer(List.of(forged), PEER));
        // appending the real CA certificate does not help: it did not issue the peer's certificate
        assertRefused(trust.resolvePeer(List.of(forged, pki.caCertificate(ORG)), PEER));
    }

    @Test
    void refusesAnExpiredCertificate() {
        X509Certificate client = pki.issueClientCertificate(ORG, "old", TestPki.ec("secp256r1").getPublic(),
                Duration.ofDays(1));
        assertTrue(trust.resolvePeer(List.of(client), PEER).isPresent());
        clock.advance(Duration.ofDays(2));
        assertRefused(trust.resolvePeer(List.of(client), PEER));
    }

    @Test
    void refusesACertificateNotValidYet() {
        X509Certificate client = TestPki.certificate("early", TestPki.rsa(2048),
                partnerCa.certificate().getSubjectX500Principal(), partnerCa.key(),
                NOW.plus(Duration.ofDays(1)), NOW.plus(Duration.ofDays(30)), false, KeyPurposeId.id_kp_clientAuth);
        assertRefused(trust.resolvePeer(List.of(client), PEER));
    }

    @Test
    void refusesACertificateForServersOnly() {
        X509Certificate serverOnly = TestPki.certificate("server-only", TestPki.rsa(2048),
                partnerCa.certificate().getSubjectX500Principal(), partnerCa.key(), NOW.minusSeconds(60),
                NOW.plus(Duration.ofDays(30)), false, KeyPurposeId.id_kp_serverAuth);
        assertRefused(trust.resolvePeer(List.of(serverOnly), PEER));
        // nor the org's own server certificate, presented back as a client
        assertRefused(trust.resolvePeer(trust.credentials().orElseThrow().chain(), PEER));
        // both purposes: accepted
        X509Certificate both = TestPki.certificate("both", TestPki.rsa(2048),
                partnerCa.certificate().getSubjectX500Principal(), partnerCa.key(), NOW.minusSeconds(60),
                NOW.plus(Duration.ofDays(30)), false, KeyPurposeId.id_kp_serverAuth, KeyPurposeId.id_kp_clientAuth);
        assertTrue(trust.resolvePeer(List.of(both), PEER).isPresent());
    }

    @Test
    void refusesAnEmptyChain() {
        assertRefused(trust.resolvePeer(List.of(), PEER));
        assertRefused(trust.resolvePeer(null, PEER));
    }

    @Test
    void eachOrganisationGetsItsOwnPeers() {
        storage.org(ORG_2, "Beta");
        X509Certificate client2 = pki.issueClientCertificate(ORG_2, "beta-ap", TestPki.ec("secp256r1").getPublic(),
                Duration.ofDays(30));
        assertEquals(ORG_2, trust.resolvePeer(List.of(client2), PEER).orElseThrow().orgId());
        assertEquals(ORG, trust.resolvePeer(List.of(orgClient("acme-ap")), PEER).orElseThrow().orgId());
        // credentials stay those of the first organisation
        assertEquals(pki.caCertificate(ORG), trust.credentials().orElseThrow().chain().get(1));
    }

    @Test
    void snapshotIsReusedForAMinuteThenReloaded() {
        RadsecCredentials first = trust.credentials().orElseThrow();
        int calls = settings.calls;
        clock.advance(Duration.ofSeconds(59));
        assertSame(first, trust.credentials().orElseThrow());
        assertEquals(calls, settings.calls);

        // a new radsec.cacerts entry is seen at the next reload
        CertifiedKey another = new CertificateIssuer(RANDOM).createCa("Another", NOW);
        settings.radsecCas.put(ORG, List.of(partnerCa.certificate(), another.certificate()));
        clock.advance(Duration.ofSeconds(1));
        assertEquals(3, trust.credentials().orElseThrow().trustedCas().size());
        assertTrue(settings.calls > calls);
    }

    @Test
    void aPkiChangeReloadsAtOnce() {
        RadsecCredentials first = trust.credentials().orElseThrow();
        // another node, whose clock is near the end of the certificate's life, renews it ...
        var later = new TestPki.MutableClock(first.chain().get(0).getNotAfter().toInstant().minus(Duration.ofDays(29)));
        new OrgPki(storage, box, new CertificateIssuer(RANDOM), later, SERVER_NAME, changes::add).ensureAll();
        assertEquals(List.of("ca " + ORG, "server " + ORG, "renew " + ORG), storage.writes);
        assertSame(first, trust.credentials().orElseThrow(), "within the minute, without an event: cached");
        // ... and the change event makes the next call reload, before the minute is up
        trust.onPkiChanged(changes.get(changes.size() - 1));
        RadsecCredentials renewed = trust.credentials().orElseThrow();
        assertFalse(first.chain().get(0).equals(renewed.chain().get(0)));
        assertEquals(Pem.parseCertificate(storage.serverCerts.get(ORG).getCertPem()), renewed.chain().get(0));
    }

    @Test
    void aFailedReloadKeepsThePreviousCredentials() {
        RadsecCredentials first = trust.credentials().orElseThrow();
        var failing = new RadsecTrustBean(new OrgCertificateAuthority() {
            int calls;

            @Override
            public X509Certificate caCertificate(String orgId) {
                return pki.caCertificate(orgId);
            }

            @Override
            public List<OrgCa> organisationCas() {
                if (calls++ > 0) {
                    throw new IllegalStateException("database down");
                }
                return pki.organisationCas();
            }

            @Override
            public CertifiedKey serverCredentials(String orgId) {
                return pki.serverCredentials(orgId);
            }

            @Override
            public int ensureAll() {
                return pki.ensureAll();
            }

            @Override
            public X509Certificate issueClientCertificate(String o, String cn, java.security.PublicKey k, Duration v) {
                return pki.issueClientCertificate(o, cn, k, v);
            }

            @Override
            public IssuedCertificate issueClientCertificate(String o, String cn, String csr) {
                return pki.issueClientCertificate(o, cn, csr);
            }
        }, settings, clock);
        assertEquals(first.chain(), failing.credentials().orElseThrow().chain());
        clock.advance(Duration.ofMinutes(5));
        assertEquals(first.chain(), failing.credentials().orElseThrow().chain(), "last good credentials kept");
        assertTrue(failing.resolvePeer(List.of(orgClient("still-ok")), PEER).isPresent());
    }
}
