package io.turnstile.pki;

import io.turnstile.platform.InvalidRequestException;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.openssl.PKCS8Generator;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8EncryptorBuilder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.StringWriter;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.turnstile.pki.TestPki.NOW;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ServerCertificateImportTest {

    static final Instant FROM = NOW.minus(Duration.ofDays(10));
    static final Instant UNTIL = NOW.plus(Duration.ofDays(300));

    static KeyPair rootKeys;
    static KeyPair interKeys;
    static KeyPair leafKeys;
    static X509Certificate root;
    static X509Certificate inter;
    static X509Certificate leaf;

    @BeforeAll
    static void pki() {
        rootKeys = TestPki.rsa(2048);
        interKeys = TestPki.ec("secp256r1");
        leafKeys = TestPki.rsa(2048);
        root = TestPki.certificate("Partner Root", rootKeys, new javax.security.auth.x500.X500Principal(
                "CN=Partner Root"), rootKeys.getPrivate(), FROM, UNTIL.plus(Duration.ofDays(999)), true);
        inter = TestPki.certificate("Partner Issuing", interKeys, root.getSubjectX500Principal(),
                rootKeys.getPrivate(), FROM, UNTIL.plus(Duration.ofDays(500)), true);
        leaf = leaf("radius.example.net", leafKeys, FROM, UNTIL, KeyPurposeId.id_kp_serverAuth);
    }

    static X509Certificate leaf(String cn, KeyPair keys, Instant from, Instant until, KeyPurposeId... purposes) {
        return TestPki.certificate(cn, keys, inter.getSubjectX500Principal(), interKeys.getPrivate(), from, until,
                false, purposes);
    }

    static String key(PrivateKey key) {
        return Pem.privateKey(key);
    }

    static String encrypted(PrivateKey key, String password) throws Exception {
        var encryptor = new JceOpenSSLPKCS8EncryptorBuilder(PKCS8Generator.AES_256_CBC)
                .setProvider(new BouncyCastleProvider()).setPasssword(password.toCharArray()).build();
        StringWriter out = new StringWriter();
        try (JcaPEMWriter w = new JcaPEMWriter(out)) {
            w.writeObject(new JcaPKCS8Generator(key, encryptor));
        }
        return out.toString();
    }

    static String refusal(String cert, String key, String password) {
        return assertThrows(InvalidRequestException.class,
                () -> ServerCertificateImport.validate(cert, key, password, NOW)).getMessage();
    }

    @Test
    void aCompleteChainWithItsKeyIsAccepted() {
        CertifiedKey k = ServerCertificateImport.validate(Pem.certificates(List.of(leaf, inter, root)),
                key(leafKeys.getPrivate()), null, NOW);
        assertEquals(leaf, k.certificate());
        assertEquals(3, k.chain().size());
    }

    @Test
    void anEncryptedKeyOpensWithItsPassword() throws Exception {
        String pem = encrypted(leafKeys.getPrivate(), "s3cret pass");
        CertifiedKey k = ServerCertificateImport.validate(Pem.certificates(List.of(leaf, inter, root)), pem,
                "s3cret pass", NOW);
        assertEquals(leafKeys.getPrivate().getAlgorithm(), k.key().getAlgorithm());
        assertEquals("mist_nac.server_cert: key cannot be decrypted (wrong password?)",
                refusal(Pem.certificates(List.of(leaf, inter, root)), pem, "wrong"));
        assertEquals("mist_nac.server_cert: key is encrypted and no password is given",
                refusal(Pem.certificates(List.of(leaf, inter, root)), pem, null));
    }

    @Test
    void aKeyOfAnotherCertificateIsRefused() {
        String m = refusal(Pem.certificates(List.of(leaf, inter, root)), key(TestPki.rsa(2048).getPrivate()), null);
        assertEquals("mist_nac.server_cert: key does not match the certificate CN=radius.example.net", m);
    }

    @Test
    void anExpiredCertificateIsRefused() {
        KeyPair keys = TestPki.rsa(2048);
        X509Certificate old = leaf("radius.example.net", keys, NOW.minus(Duration.ofDays(400)),
                NOW.minus(Duration.ofDays(1)), KeyPurposeId.id_kp_serverAuth);
        String m = refusal(Pem.certificates(List.of(old, inter, root)), key(keys.getPrivate()), null);
        assertTrue(m.startsWith("mist_nac.server_cert: certificate CN=radius.example.net expired at "), m);
    }

    @Test
    void aWildcardNameIsRefused() {
        KeyPair keys = TestPki.rsa(2048);
        X509Certificate wild = leaf("*.example.net", keys, FROM, UNTIL, KeyPurposeId.id_kp_serverAuth);
        assertEquals("mist_nac.server_cert: wildcard name *.example.net is not allowed for an EAP server certificate",
                refusal(Pem.certificates(List.of(wild, inter, root)), key(keys.getPrivate()), null));
    }

    @Test
    void aCertificateWithoutServerAuthIsRefused() {
        KeyPair keys = TestPki.rsa(2048);
        X509Certificate client = leaf("radius.example.net", keys, FROM, UNTIL, KeyPurposeId.id_kp_clientAuth);
        assertEquals("mist_nac.server_cert: certificate CN=radius.example.net has no serverAuth extended key usage",
                refusal(Pem.certificates(List.of(client, inter, root)), key(keys.getPrivate()), null));
        X509Certificate none = leaf("radius.example.net", keys, FROM, UNTIL);
        assertEquals("mist_nac.server_cert: certificate CN=radius.example.net has no serverAuth extended key usage",
                refusal(Pem.certificates(List.of(none, inter, root)), key(keys.getPrivate()), null));
    }

    @Test
    void aChainWithoutItsRootOrIntermediateIsRefused() {
        assertEquals("mist_nac.server_cert: chain is incomplete: the issuer CN=Partner Root of CN=Partner Issuing is"
                        + " missing (add the intermediate and root CA certificates after the server certificate)",
                refusal(Pem.certificates(List.of(leaf, inter)), key(leafKeys.getPrivate()), null));
        assertEquals("mist_nac.server_cert: chain is out of order: CN=radius.example.net is not issued by the next"
                        + " certificate CN=Partner Root",
                refusal(Pem.certificates(List.of(leaf, root)), key(leafKeys.getPrivate()), null));
    }

    @Test
    void missingOrMalformedPemIsRefused() {
        assertEquals("mist_nac.server_cert: cert is required (PEM certificate chain, leaf first)",
                refusal(null, key(leafKeys.getPrivate()), null));
        assertEquals("mist_nac.server_cert: cert has no CERTIFICATE block",
                refusal("hello", key(leafKeys.getPrivate()), null));
        assertEquals("mist_nac.server_cert: key has no PRIVATE KEY block",
                refusal(Pem.certificates(List.of(leaf, inter, root)), Pem.certificate(leaf), null));
        assertEquals("mist_nac.server_cert: key is required (PEM private key)",
                refusal(Pem.certificates(List.of(leaf, inter, root)), "", null));
    }

    @Test
    void theSettingSealsMasksAndKeepsAMaskedKey() {
        ServerCertificateSetting setting = new ServerCertificateSetting(TestPki.secretBox());
        String chain = Pem.certificates(List.of(leaf, inter, root));
        Map<String, Object> given = new LinkedHashMap<>();
        given.put("cert", chain);
        given.put("key", key(leafKeys.getPrivate()));
        Map<String, Object> changes = Map.of("mist_nac", Map.of("server_cert", given));
        Map<String, Object> stored = setting.sealIncoming(Map.of(), changes, NOW);
        Map<?, ?> storedCert = (Map<?, ?>) ((Map<?, ?>) stored.get("mist_nac")).get("server_cert");
        assertTrue(String.valueOf(storedCert.get("key")).startsWith("v1:"), "the key is sealed at rest");
        assertFalse(String.valueOf(storedCert.get("key")).contains("PRIVATE KEY"));
        assertEquals(leafKeys.getPrivate(), setting.imported(stored).orElseThrow().key());

        Map<String, Object> masked = ServerCertificateSetting.mask(stored);
        Map<?, ?> maskedCert = (Map<?, ?>) ((Map<?, ?>) masked.get("mist_nac")).get("server_cert");
        assertEquals(ServerCertificateSetting.MASK, maskedCert.get("key"));

        // GET-modify-PUT sends the mask back: the stored key stays
        Map<String, Object> again = setting.sealIncoming(stored, masked, NOW);
        assertEquals(leafKeys.getPrivate(), setting.imported(again).orElseThrow().key());

        // an empty server_cert clears the import: back to the org CA's certificate
        Map<String, Object> cleared = setting.sealIncoming(stored, Map.of("mist_nac", Map.of("server_cert",
                Map.of())), NOW);
        assertTrue(setting.imported(cleared).isEmpty());
        assertEquals("mist_nac.server_cert.key: the mask ******** stands for a stored key, but none is stored",
                assertThrows(InvalidRequestException.class, () -> setting.sealIncoming(Map.of(), masked, NOW))
                        .getMessage());
    }
}
