package io.turnstile.pki;

import io.turnstile.platform.InvalidRequestException;
import io.turnstile.platform.ResourceNotFoundException;
import io.turnstile.platform.SecretBox;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import static io.turnstile.pki.TestPki.NOW;
import static io.turnstile.pki.TestPki.RANDOM;
import static io.turnstile.pki.TestPki.SERVER_NAME;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OrgPkiTest {

    static final String ORG = "0b1c2d3e-0000-4000-8000-000000000001";

    TestPki.MemoryStorage storage;
    SecretBox box;
    TestPki.MutableClock clock;
    List<PkiChanged> changes;
    OrgPki pki;

    @BeforeEach
    void setUp() {
        storage = new TestPki.MemoryStorage().org(ORG, "Acme");
        box = TestPki.secretBox();
        clock = new TestPki.MutableClock(NOW);
        changes = new ArrayList<>();
        pki = node(SERVER_NAME);
    }

    /** Another OrgPki on the same storage: a second cluster node. */
    private OrgPki node(String serverName) {
        return new OrgPki(storage, box, new CertificateIssuer(RANDOM), clock, serverName, changes::add);
    }

    static String csr(String cn, KeyPair subject, PrivateKey signer) throws Exception {
        String alg = signer.getAlgorithm().equals("EC") ? "SHA256withECDSA" : "SHA256withRSA";
        var request = new JcaPKCS10CertificationRequestBuilder(new X500Name("CN=" + cn), subject.getPublic())
                .build(new JcaContentSignerBuilder(alg).build(signer));
        return Pem.certificateRequest(request);
    }

    @Test
    void caIsCreatedOnceAndKeptSealed() {
        X509Certificate ca = pki.caCertificate(ORG);
        assertEquals(ca, pki.caCertificate(ORG));
        assertEquals(ca, node(SERVER_NAME).caCertificate(ORG));
        assertEquals(List.of("ca " + ORG), storage.writes);
        assertEquals(List.of(new PkiChanged(ORG)), changes);

        var row = storage.cas.get(ORG);
        assertTrue(SecretBox.isSealed(row.getKeySealed()));
        assertFalse(row.getKeySealed().contains("PRIVATE KEY"));
        assertEquals(ca.getSerialNumber().toString(16), row.getSerial());
        assertEquals(ca.getNotAfter().getTime(), row.getNotAfter());
        assertEquals("CN=Turnstile Acme CA,O=Acme", row.getSubject());
        assertFalse(row.toString().contains(row.getKeySealed()));
        // The sealed value opens to the CA's PKCS#8 key, and not in the clear anywhere in the row.
        byte[] pkcs8 = box.openBytes(row.getKeySealed());
        String clear = Base64.getEncoder().encodeToString(pkcs8);
        assertFalse(row.getKeySealed().contains(clear.substring(0, 40)));
        assertFalse(row.getCertPem().contains(clear.substring(0, 40)));
    }

    @Test
    void twoNodesCreatingAtOnceKeepOneCa() {
        OrgPki other = node(SERVER_NAME);
        List<X509Certificate> winner = new ArrayList<>();
        // Node B creates (and commits) its CA after node A looked and found none, before A inserts.
        storage.beforeInsertCa = () -> winner.add(other.caCertificate(ORG));
        X509Certificate seenByA = pki.caCertificate(ORG);
        assertEquals(winner.get(0), seenByA, "A uses B's CA, not the one it generated");
        assertEquals(1, storage.cas.size());
        assertEquals(List.of("ca " + ORG), storage.writes);
    }

    @Test
    void unknownOrganisation() {
        assertThrows(ResourceNotFoundException.class, () -> pki.caCertificate("nope"));
        assertThrows(ResourceNotFoundException.class, () -> pki.serverCredentials("nope"));
        assertTrue(storage.writes.isEmpty());
    }

    @Test
    void serverCredentialsAreIssuedOnceThenReused() throws Exception {
        CertifiedKey first = pki.serverCredentials(ORG);
        CertifiedKey again = pki.serverCredentials(ORG);
        assertEquals(first.chain(), again.chain());
        assertArrayEquals(first.key().getEncoded(), again.key().getEncoded());
        assertEquals(List.of(first.certificate(), pki.caCertificate(ORG)), first.chain());
        TestPki.validate(List.of(first.certificate()), pki.caCertificate(ORG), NOW);
        assertEquals(List.of("ca " + ORG, "server " + ORG), storage.writes);

        var row = storage.serverCerts.get(ORG);
        assertEquals(SERVER_NAME, row.getServerName());
        assertEquals(storage.cas.get(ORG).getId(), row.getCaId());
        assertEquals(first.certificate().getNotAfter().getTime(), row.getNotAfter());
        assertTrue(SecretBox.isSealed(row.getKeySealed()));
        assertEquals(first.chain(), Pem.parseCertificates(row.getChainPem()));
    }

    @Test
    void serverCertificateIsRenewedWhenLessThanThirtyDaysRemain() {
        CertifiedKey first = pki.serverCredentials(ORG);
        var notAfter = first.certificate().getNotAfter().toInstant();

        clock.set(notAfter.minus(Duration.ofDays(31)));
        assertEquals(first.certificate(), pki.serverCredentials(ORG).certificate());
        assertEquals(0, pki.ensureAll());
        assertEquals(first.certificate(), pki.serverCredentials(ORG).certificate());

        clock.set(notAfter.minus(Duration.ofDays(29)));
        changes.clear();
        assertEquals(0, pki.ensureAll());
        CertifiedKey renewed = pki.serverCredentials(ORG);
        assertNotEquals(first.certificate(), renewed.certificate());
        assertTrue(renewed.certificate().getNotAfter().toInstant().isAfter(notAfter.plus(Duration.ofDays(300))));
        assertEquals(List.of("ca " + ORG, "server " + ORG, "renew " + ORG), storage.writes);
        assertEquals(List.of(new PkiChanged(ORG)), changes);
        assertEquals(1, storage.serverCerts.get(ORG).getVersion());
    }

    @Test
    void anotherServerNameRenews() {
        CertifiedKey first = pki.serverCredentials(ORG);
        CertifiedKey other = node("radius.example.net").serverCredentials(ORG);
        assertNotEquals(first.certificate(), other.certificate());
        assertEquals("radius.example.net", storage.serverCerts.get(ORG).getServerName());
    }

    @Test
    void anotherServerKeyTypeRenewsWithAnEcP256KeyAndBack() throws Exception {
        CertifiedKey rsa = pki.serverCredentials(ORG);
        assertEquals("RSA", rsa.certificate().getPublicKey().getAlgorithm());
        OrgPki ec = new OrgPki(storage, box, new CertificateIssuer(RANDOM), clock, SERVER_NAME, ServerKeyType.EC_P256,
                changes::add);
        CertifiedKey p256 = ec.serverCredentials(ORG);
        assertTrue(ServerKeyType.EC_P256.matches(p256.certificate().getPublicKey()));
        assertEquals("EC", p256.key().getAlgorithm());
        // RFC 5280 §4.2.1.3: no keyEncipherment for an EC key; digitalSignature only.
        assertFalse(p256.certificate().getKeyUsage()[2]);
        assertTrue(p256.certificate().getKeyUsage()[0]);
        p256.certificate().verify(pki.caCertificate(ORG).getPublicKey());
        // Stored and reused: the sealed PKCS#8 EC key opens again and matches the certificate.
        CertifiedKey again = ec.serverCredentials(ORG);
        assertEquals(p256.certificate(), again.certificate());
        assertArrayEquals(p256.key().getEncoded(), again.key().getEncoded());
        // Back to the default: re-issued with RSA-2048.
        assertEquals("RSA", pki.serverCredentials(ORG).certificate().getPublicKey().getAlgorithm());
    }

    @Test
    void serverKeyTypeNamesAreParsedStrictly() {
        assertEquals(ServerKeyType.EC_P256, ServerKeyType.parse(" EC-P256 "));
        assertEquals(ServerKeyType.RSA_2048, ServerKeyType.parse("rsa-2048"));
        assertThrows(IllegalArgumentException.class, () -> ServerKeyType.parse("ec-p384"));
        assertThrows(IllegalArgumentException.class, () -> ServerKeyType.parse(null));
    }

    @Test
    void nodesRenewingAtOnceKeepOneCertificate() {
        pki.serverCredentials(ORG);
        clock.advance(Duration.ofDays(2 * 365 - 10));
        OrgPki other = node(SERVER_NAME);
        List<CertifiedKey> byOther = new ArrayList<>();
        storage.beforeReplace = () -> byOther.add(other.serverCredentials(ORG));
        CertifiedKey seen = pki.serverCredentials(ORG);
        assertEquals(byOther.get(0).certificate(), seen.certificate());
        assertEquals(byOther.get(0).certificate(), Pem.parseCertificate(storage.serverCerts.get(ORG).getCertPem()));
        assertEquals(1, storage.writes.stream().filter(w -> w.startsWith("renew")).count());
    }

    @Test
    void ensureAllCoversEveryOrganisation() {
        storage.org("org-2", "Beta");
        assertEquals(0, pki.ensureAll());
        assertEquals(List.of(ORG, "org-2"), List.copyOf(storage.serverCerts.keySet()));
        assertEquals(List.of(ORG, "org-2"), pki.organisationCas().stream().map(OrgCertificateAuthority.OrgCa::orgId)
                .toList());
        assertEquals("CN=Turnstile Beta CA,O=Beta", pki.caCertificate("org-2").getSubjectX500Principal().getName());
    }

    @Test
    void clientCertificateFromAnRsaCsr() throws Exception {
        KeyPair keys = TestPki.rsa(2048);
        var issued = pki.issueClientCertificate(ORG, "radsecproxy-it", csr("ignored", keys, keys.getPrivate()));
        assertEquals(pki.caCertificate(ORG), issued.ca());
        X509Certificate cert = issued.certificate();
        TestPki.validate(List.of(cert), issued.ca(), NOW);
        assertEquals(keys.getPublic(), cert.getPublicKey());
        assertEquals("radsecproxy-it", RadsecPeerMatcher.commonName(cert));
        assertEquals(List.of("1.3.6.1.5.5.7.3.2"), cert.getExtendedKeyUsage());
        assertEquals(NOW.plus(OrgCertificateAuthority.CSR_CLIENT_VALIDITY), cert.getNotAfter().toInstant());
    }

    @Test
    void clientCertificateFromAnEcCsrNamedByTheCsr() throws Exception {
        KeyPair keys = TestPki.ec("secp256r1");
        var issued = pki.issueClientCertificate(ORG, null, csr("switch-7", keys, keys.getPrivate()));
        assertEquals("switch-7", RadsecPeerMatcher.commonName(issued.certificate()));
    }

    @Test
    void csrSignedByAnotherKeyIsRefused() throws Exception {
        KeyPair keys = TestPki.rsa(2048);
        KeyPair other = TestPki.rsa(2048);
        var e = assertThrows(InvalidCertificateRequestException.class,
                () -> pki.issueClientCertificate(ORG, "x", csr("x", keys, other.getPrivate())));
        assertTrue(e.getMessage().contains("signature"), e.getMessage());
    }

    @Test
    void weakOrUnsupportedKeysAreRefused() throws Exception {
        KeyPair small = TestPki.rsa(1024);
        var e = assertThrows(InvalidCertificateRequestException.class,
                () -> pki.issueClientCertificate(ORG, "x", csr("x", small, small.getPrivate())));
        assertTrue(e.getMessage().contains("1024"), e.getMessage());
        var g = java.security.KeyPairGenerator.getInstance("Ed25519");
        KeyPair ed = g.generateKeyPair();
        assertThrows(InvalidRequestException.class,
                () -> pki.issueClientCertificate(ORG, "x", ed.getPublic(), Duration.ofDays(1)));
        assertThrows(InvalidCertificateRequestException.class,
                () -> CertificateRequests.checkStrength(small.getPublic()));
    }

    @Test
    void malformedCsrIsRefused() {
        assertThrows(InvalidCertificateRequestException.class, () -> pki.issueClientCertificate(ORG, "x", "hello"));
        assertThrows(InvalidCertificateRequestException.class, () -> pki.issueClientCertificate(ORG, "x",
                "-----BEGIN CERTIFICATE REQUEST-----\nAAAA\n-----END CERTIFICATE REQUEST-----\n"));
        assertThrows(InvalidCertificateRequestException.class,
                () -> pki.issueClientCertificate(ORG, "x", Pem.certificate(pki.caCertificate(ORG))));
    }

    @Test
    void clientNameIsRequiredAndBounded() throws Exception {
        KeyPair keys = TestPki.ec("secp256r1");
        var noCn = Pem.certificateRequest(new JcaPKCS10CertificationRequestBuilder(new X500Name("O=Acme"),
                keys.getPublic()).build(new JcaContentSignerBuilder("SHA256withECDSA").build(keys.getPrivate())));
        assertThrows(InvalidRequestException.class, () -> pki.issueClientCertificate(ORG, "", noCn));
        assertThrows(InvalidRequestException.class,
                () -> pki.issueClientCertificate(ORG, "x".repeat(65), keys.getPublic(), Duration.ofDays(1)));
    }

    @Test
    void serverNameDefaultsToAuthDotHostName() {
        assertEquals("auth.radius-1.example.net",
                ServerName.resolve(java.util.Optional.empty(), () -> "RADIUS-1.example.net"));
        assertEquals("nac.example.net", ServerName.resolve(java.util.Optional.of("NAC.example.net"), () -> "x"));
        assertEquals(ServerName.FALLBACK, ServerName.resolve(java.util.Optional.empty(), () -> "bad_host"));
        assertThrows(IllegalArgumentException.class,
                () -> ServerName.resolve(java.util.Optional.of("*.example.net"), () -> "x"));
    }
}
