package io.turnstile.pki;

import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.x509.AuthorityKeyIdentifier;
import org.bouncycastle.asn1.x509.SubjectKeyIdentifier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import javax.security.auth.x500.X500Principal;
import java.security.cert.CertPathValidatorException;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static io.turnstile.pki.TestPki.NOW;
import static io.turnstile.pki.TestPki.RANDOM;
import static io.turnstile.pki.TestPki.SERVER_NAME;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CertificateIssuerTest {

    static final String BASIC_CONSTRAINTS = "2.5.29.19";
    static final String KEY_USAGE = "2.5.29.15";
    static final String SUBJECT_KEY_ID = "2.5.29.14";
    static final String AUTHORITY_KEY_ID = "2.5.29.35";
    static final String SERVER_AUTH = "1.3.6.1.5.5.7.3.1";
    static final String CLIENT_AUTH = "1.3.6.1.5.5.7.3.2";

    static CertificateIssuer issuer;
    static CertifiedKey ca;
    static CertifiedKey server;

    @BeforeAll
    static void issue() {
        issuer = new CertificateIssuer(RANDOM);
        ca = issuer.createCa("Acme, Inc.", NOW);
        server = issuer.issueServerCertificate(ca, SERVER_NAME, NOW);
    }

    @Test
    void caIsSelfSignedWithNamesFromTheOrganisation() throws Exception {
        X509Certificate cert = ca.certificate();
        assertEquals(cert.getSubjectX500Principal(), cert.getIssuerX500Principal());
        cert.verify(cert.getPublicKey());
        assertEquals(new X500Principal("CN=Turnstile Acme\\, Inc. CA, O=Acme\\, Inc."), cert.getSubjectX500Principal());
        assertEquals("Turnstile Acme, Inc. CA", RadsecPeerMatcher.commonName(cert));
    }

    @Test
    void caIsACriticallyConstrainedCaWithPathLengthZero() {
        X509Certificate cert = ca.certificate();
        assertEquals(0, cert.getBasicConstraints(), "CA:true, pathlen 0");
        assertTrue(cert.getCriticalExtensionOIDs().contains(BASIC_CONSTRAINTS));
        boolean[] usage = cert.getKeyUsage();
        assertTrue(usage[5], "keyCertSign");
        assertTrue(usage[6], "cRLSign");
        for (int i : new int[] {0, 1, 2, 3, 4, 7, 8}) {
            assertFalse(i < usage.length && usage[i], "key usage bit " + i);
        }
        assertTrue(cert.getCriticalExtensionOIDs().contains(KEY_USAGE));
    }

    @Test
    void caHasKeyIdentifiersThatAgree() {
        X509Certificate cert = ca.certificate();
        byte[] ski = cert.getExtensionValue(SUBJECT_KEY_ID);
        byte[] aki = cert.getExtensionValue(AUTHORITY_KEY_ID);
        assertNotNull(ski);
        assertNotNull(aki);
        byte[] skid = SubjectKeyIdentifier.getInstance(ASN1OctetString.getInstance(ski).getOctets())
                .getKeyIdentifier();
        byte[] akid = AuthorityKeyIdentifier.getInstance(ASN1OctetString.getInstance(aki).getOctets())
                .getKeyIdentifier();
        assertEquals(20, skid.length, "SHA-1 of the public key (RFC 5280 §4.2.1.2 method 1)");
        assertArrayEquals(skid, akid);
    }

    @Test
    void caKeyAndSignatureAndValidity() {
        X509Certificate cert = ca.certificate();
        assertEquals("RSA", cert.getPublicKey().getAlgorithm());
        assertEquals(3072, ((RSAPublicKey) cert.getPublicKey()).getModulus().bitLength());
        assertEquals("SHA256withRSA", cert.getSigAlgName());
        assertEquals(NOW.minus(Duration.ofHours(1)), cert.getNotBefore().toInstant());
        assertEquals(NOW.atOffset(ZoneOffset.UTC).plusYears(10).toInstant(), cert.getNotAfter().toInstant());
        assertEquals(3, cert.getVersion());
        assertTrue(cert.getSerialNumber().signum() > 0);
    }

    @Test
    void longOrganisationNamesAreCutToTheX520Limits() {
        String name = "A".repeat(100);
        X509Certificate cert = issuer.createCa(name, NOW).certificate();
        String cn = RadsecPeerMatcher.commonName(cert);
        assertTrue(cn.length() <= 64, cn);
        assertTrue(cn.startsWith("Turnstile AAA") && cn.endsWith(" CA"), cn);
        String subject = cert.getSubjectX500Principal().getName();
        assertTrue(subject.endsWith("O=" + "A".repeat(64)), subject);
    }

    @Test
    void serverCertificateChainsToTheCa() throws Exception {
        TestPki.validate(List.of(server.certificate()), ca.certificate(), NOW);
        assertEquals(List.of(server.certificate(), ca.certificate()), server.chain());
    }

    @Test
    void serverCertificateDoesNotChainToAnotherCa() {
        CertifiedKey other = issuer.createCa("Other", NOW);
        assertThrows(CertPathValidatorException.class,
                () -> TestPki.validate(List.of(server.certificate()), other.certificate(), NOW));
    }

    @Test
    void serverCertificateProfile() throws Exception {
        X509Certificate cert = server.certificate();
        assertEquals(List.of(SERVER_AUTH), cert.getExtendedKeyUsage());
        boolean[] usage = cert.getKeyUsage();
        assertTrue(usage[0], "digitalSignature");
        assertTrue(usage[2], "keyEncipherment");
        assertFalse(usage[5], "no keyCertSign");
        assertEquals(-1, cert.getBasicConstraints(), "not a CA");
        assertEquals(2048, ((RSAPublicKey) cert.getPublicKey()).getModulus().bitLength());
        assertEquals("SHA256withRSA", cert.getSigAlgName());
        assertEquals(NOW.atOffset(ZoneOffset.UTC).plusYears(2).toInstant(), cert.getNotAfter().toInstant());
        assertEquals(ca.certificate().getSubjectX500Principal(), cert.getIssuerX500Principal());
        assertEquals(SERVER_NAME, RadsecPeerMatcher.commonName(cert));
        assertNotNull(cert.getExtensionValue(AUTHORITY_KEY_ID));
    }

    @Test
    void serverCertificateNamesTheServerInTheSanWithoutWildcard() throws Exception {
        var names = server.certificate().getSubjectAlternativeNames();
        assertEquals(1, names.size());
        List<?> only = names.iterator().next();
        assertEquals(2, only.get(0), "dNSName");
        assertEquals(SERVER_NAME, only.get(1));
        assertFalse(((String) only.get(1)).contains("*"));
    }

    @Test
    void serverKeyMatchesTheCertificate() throws Exception {
        var sig = java.security.Signature.getInstance("SHA256withRSA");
        sig.initSign(server.key());
        sig.update(new byte[] {1, 2, 3});
        byte[] signature = sig.sign();
        sig.initVerify(server.certificate().getPublicKey());
        sig.update(new byte[] {1, 2, 3});
        assertTrue(sig.verify(signature));
    }

    @Test
    void wildcardAndInvalidServerNamesAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> issuer.issueServerCertificate(ca, "*.example.net", NOW));
        assertThrows(IllegalArgumentException.class, () -> CertificateIssuer.checkServerName("auth..example"));
        assertThrows(IllegalArgumentException.class, () -> CertificateIssuer.checkServerName("auth_1.example"));
        assertThrows(IllegalArgumentException.class, () -> CertificateIssuer.checkServerName(""));
        assertEquals("auth.example.net", CertificateIssuer.checkServerName(" Auth.Example.NET. "));
    }

    @Test
    void serverCertificateNeverOutlivesItsCa() {
        Instant nearCaEnd = ca.certificate().getNotAfter().toInstant().minus(Duration.ofDays(100));
        X509Certificate cert = issuer.issueServerCertificate(ca, SERVER_NAME, nearCaEnd).certificate();
        assertEquals(ca.certificate().getNotAfter(), cert.getNotAfter());
    }

    @Test
    void clientCertificateProfile() throws Exception {
        var keys = TestPki.ec("secp256r1");
        X509Certificate cert = issuer.issueClientCertificate(ca, "radsec-peer-1", keys.getPublic(), NOW,
                Duration.ofDays(30));
        TestPki.validate(List.of(cert), ca.certificate(), NOW);
        assertEquals(List.of(CLIENT_AUTH), cert.getExtendedKeyUsage());
        assertEquals("radsec-peer-1", RadsecPeerMatcher.commonName(cert));
        assertEquals(keys.getPublic(), cert.getPublicKey());
        assertEquals(NOW.plus(Duration.ofDays(30)), cert.getNotAfter().toInstant());
        assertTrue(cert.getKeyUsage()[0]);
        assertFalse(cert.getKeyUsage()[2], "no keyEncipherment for an EC key");
        assertNull(cert.getSubjectAlternativeNames());
        assertEquals(-1, cert.getBasicConstraints());
    }

    @Test
    void serialsAreRandomAndPositive() {
        var keys = TestPki.ec("secp256r1");
        var a = issuer.issueClientCertificate(ca, "a", keys.getPublic(), NOW, Duration.ofDays(1)).getSerialNumber();
        var b = issuer.issueClientCertificate(ca, "a", keys.getPublic(), NOW, Duration.ofDays(1)).getSerialNumber();
        assertNotEquals(a, b);
        assertTrue(a.signum() > 0 && a.bitLength() >= 64 && a.bitLength() <= 159);
    }

    @Test
    void clientNamesMustFit() {
        var keys = TestPki.ec("secp256r1");
        assertThrows(IllegalArgumentException.class,
                () -> issuer.issueClientCertificate(ca, " ", keys.getPublic(), NOW, Duration.ofDays(1)));
        assertThrows(IllegalArgumentException.class,
                () -> issuer.issueClientCertificate(ca, "x".repeat(65), keys.getPublic(), NOW, Duration.ofDays(1)));
    }
}
