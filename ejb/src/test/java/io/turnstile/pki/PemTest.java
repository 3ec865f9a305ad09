package io.turnstile.pki;

import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.StringWriter;
import java.security.KeyPair;
import java.util.List;

import static io.turnstile.pki.TestPki.NOW;
import static io.turnstile.pki.TestPki.RANDOM;
import static io.turnstile.pki.TestPki.SERVER_NAME;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PemTest {

    static CertifiedKey server;

    @BeforeAll
    static void issue() {
        var issuer = new CertificateIssuer(RANDOM);
        server = issuer.issueServerCertificate(issuer.createCa("Acme", NOW), SERVER_NAME, NOW);
    }

    @Test
    void certificatesRoundTripInOrder() {
        String pem = Pem.certificates(server.chain());
        assertEquals(2, pem.split("-----BEGIN CERTIFICATE-----", -1).length - 1);
        assertEquals(server.chain(), Pem.parseCertificates(pem));
        assertEquals(server.certificate(), Pem.parseCertificate(Pem.certificate(server.certificate())));
    }

    @Test
    void privateKeyIsPkcs8AndRoundTrips() {
        String pem = Pem.privateKey(server.key());
        assertTrue(pem.startsWith("-----BEGIN PRIVATE KEY-----"), "PKCS#8");
        assertEquals(server.key(), Pem.parsePrivateKey(pem));
    }

    /** {@code openssl ecparam -name prime256v1 -genkey -noout}: SEC 1 with its curve (a throw-away test key). */
    static final String OPENSSL_EC_KEY = """
            -----BEGIN EC PRIVATE KEY-----
            MHcCAQEEIM0YiqpG+R5KhJnHJmg1r1l6OGrc4hrlIbA/gQ7Urg5loAoGCCqGSM49
            AwEHoUQDQgAEyJIOYXbaY54seA+BwqVD0RC9x06gquN8U5Pv3RBRohDckaP9cdiE
            BO7P/qIUmAZfY2Rxb+3rQKykP12WTCFgdQ==
            -----END EC PRIVATE KEY-----
            """;

    @Test
    void traditionalOpenSslKeysAreRead() throws Exception {
        KeyPair rsa = TestPki.rsa(2048);
        var text = new StringWriter();
        try (var w = new JcaPEMWriter(text)) {
            w.writeObject(rsa.getPrivate());
        }
        assertTrue(text.toString().startsWith("-----BEGIN RSA PRIVATE KEY-----"), "PKCS#1");
        assertEquals(rsa.getPrivate(), Pem.parsePrivateKey(text.toString()));

        var ec = (java.security.interfaces.ECPrivateKey) Pem.parsePrivateKey(OPENSSL_EC_KEY);
        assertEquals(256, ec.getParams().getCurve().getField().getFieldSize());
    }

    @Test
    void otherBlocksAreSkipped() {
        String mixed = Pem.privateKey(server.key()) + Pem.certificate(server.certificate());
        assertEquals(List.of(server.certificate()), Pem.parseCertificates(mixed));
    }

    @Test
    void garbageIsRefusedWithoutQuotingIt() {
        String secretish = "-----BEGIN PRIVATE KEY-----\nTOPSECRET%%%\n-----END PRIVATE KEY-----\n";
        var e = assertThrows(PemException.class, () -> Pem.parsePrivateKey(secretish));
        assertFalse(e.getMessage().contains("TOPSECRET"), e.getMessage());
        assertThrows(PemException.class, () -> Pem.parseCertificate("hello"));
        assertThrows(PemException.class, () -> Pem.parseCertificate(""));
        assertThrows(PemException.class, () -> Pem.parseCertificateRequest(Pem.certificate(server.certificate())));
        assertThrows(PemException.class, () -> Pem.parsePrivateKey(Pem.certificate(server.certificate())));
    }
}
