package io.turnstile.pki;

import io.turnstile.pki.CertificateValidation.Outcome;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.cert.X509v2CRLBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CRLConverter;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.Test;

import javax.security.auth.x500.X500Principal;
import java.security.KeyPair;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;

import static io.turnstile.pki.TestPki.NOW;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ClientCertificateValidatorTest {

    static final KeyPair CA_KEYS = TestPki.rsa(2048);
    static final X509Certificate CA = TestPki.certificate("Test CA", CA_KEYS, new X500Principal("CN=Test CA"),
            CA_KEYS.getPrivate(), NOW.minus(Duration.ofDays(100)), NOW.plus(Duration.ofDays(1000)), true);

    static X509Certificate client(String cn, KeyPair keys, Instant from, Instant to, KeyPurposeId... purposes) {
        return TestPki.certificate(cn, keys, CA.getSubjectX500Principal(), CA_KEYS.getPrivate(), from, to, false,
                purposes);
    }

    static CertificateValidation check(X509Certificate leaf, List<X509CRL> crls) {
        return ClientCertificateValidator.validate(List.of(leaf, CA), List.of(CA), crls, NOW);
    }

    @Test
    void validCertificateGivesItsFacts() {
        X509Certificate leaf = client("laptop-1", TestPki.rsa(2048), NOW.minus(Duration.ofDays(1)),
                NOW.plus(Duration.ofDays(30)), KeyPurposeId.id_kp_clientAuth);
        CertificateValidation v = check(leaf, List.of());
        assertEquals(Outcome.VALID, v.outcome(), v.reason());
        assertEquals("laptop-1", v.facts().cn());
        assertEquals(leaf.getSerialNumber().toString(16), v.facts().serial());
        assertEquals("CN=Test CA", v.facts().issuer());
        assertTrue(v.facts().ekus().contains("clientAuth"));
        assertEquals(leaf.getNotAfter().toInstant(), v.facts().notAfter());
    }

    @Test
    void ecP256IsStrongEnough() {
        X509Certificate leaf = client("phone", TestPki.ec("secp256r1"), NOW.minus(Duration.ofDays(1)),
                NOW.plus(Duration.ofDays(30)), KeyPurposeId.id_kp_clientAuth);
        assertEquals(Outcome.VALID, check(leaf, List.of()).outcome());
    }

    @Test
    void expiredCertificateIsItsOwnOutcome() {
        X509Certificate leaf = client("old", TestPki.rsa(2048), NOW.minus(Duration.ofDays(60)),
                NOW.minus(Duration.ofDays(1)), KeyPurposeId.id_kp_clientAuth);
        CertificateValidation v = check(leaf, List.of());
        assertEquals(Outcome.EXPIRED, v.outcome());
        assertEquals("old", v.facts().cn());
        assertEquals("NAC_CLIENT_CERT_EXPIRED", v.outcome().eventType());
    }

    @Test
    void weakKeysAreRefused() {
        X509Certificate rsa1024 = client("weak", TestPki.rsa(1024), NOW.minus(Duration.ofDays(1)),
                NOW.plus(Duration.ofDays(30)), KeyPurposeId.id_kp_clientAuth);
        CertificateValidation v = check(rsa1024, List.of());
        assertEquals(Outcome.INVALID, v.outcome());
        assertTrue(v.reason().contains("1024"), v.reason());
    }

    @Test
    void serverOnlyOrNoExtendedKeyUsageIsRefused() {
        X509Certificate server = client("srv", TestPki.rsa(2048), NOW.minus(Duration.ofDays(1)),
                NOW.plus(Duration.ofDays(30)), KeyPurposeId.id_kp_serverAuth);
        assertTrue(check(server, List.of()).reason().contains("clientAuth"));
        X509Certificate none = client("none", TestPki.rsa(2048), NOW.minus(Duration.ofDays(1)),
                NOW.plus(Duration.ofDays(30)));
        assertEquals(Outcome.INVALID, check(none, List.of()).outcome());
    }

    @Test
    void untrustedIssuerIsRefused() {
        KeyPair keys = TestPki.rsa(2048);
        X509Certificate self = TestPki.selfSigned("intruder", keys, NOW.minus(Duration.ofDays(1)),
                NOW.plus(Duration.ofDays(30)), KeyPurposeId.id_kp_clientAuth);
        CertificateValidation v = ClientCertificateValidator.validate(List.of(self), List.of(CA), List.of(), NOW);
        assertEquals(Outcome.INVALID, v.outcome());
        assertTrue(v.reason().contains("trusted CA"), v.reason());
    }

    @Test
    void noCertificateIsInvalidWithoutFacts() {
        CertificateValidation v = ClientCertificateValidator.validate(List.of(), List.of(CA), List.of(), NOW);
        assertEquals(Outcome.INVALID, v.outcome());
        assertNull(v.facts());
    }

    @Test
    void revokedCertificateIsFoundInTheCrl() throws Exception {
        X509Certificate leaf = client("stolen", TestPki.rsa(2048), NOW.minus(Duration.ofDays(1)),
                NOW.plus(Duration.ofDays(30)), KeyPurposeId.id_kp_clientAuth);
        X509Certificate other = client("fine", TestPki.rsa(2048), NOW.minus(Duration.ofDays(1)),
                NOW.plus(Duration.ofDays(30)), KeyPurposeId.id_kp_clientAuth);
        X509v2CRLBuilder b = new X509v2CRLBuilder(new JcaX509CertificateHolder(CA).getSubject(),
                Date.from(NOW.minus(Duration.ofHours(1))));
        b.setNextUpdate(Date.from(NOW.plus(Duration.ofDays(7))));
        b.addCRLEntry(leaf.getSerialNumber(), Date.from(NOW.minus(Duration.ofHours(2))), CRLReason.keyCompromise);
        X509CRL crl = new JcaX509CRLConverter().getCRL(b.build(new JcaContentSignerBuilder("SHA256withRSA")
                .build(CA_KEYS.getPrivate())));
        CertificateValidation v = check(leaf, List.of(crl));
        assertEquals(Outcome.REVOKED, v.outcome(), v.reason());
        assertEquals("NAC Client Cert Revoked", v.outcome().eventText());
        assertEquals(Outcome.VALID, check(other, List.of(crl)).outcome());
    }
}
