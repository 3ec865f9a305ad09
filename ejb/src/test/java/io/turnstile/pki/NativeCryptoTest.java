package io.turnstile.pki;

import io.turnstile.platform.NativeCrypto;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.junit.jupiter.api.Test;

import javax.security.auth.x500.X500Principal;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.SignatureException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;

import static io.turnstile.pki.TestPki.NOW;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The native provider on this machine (CI and the bench run Linux x86-64, where it must load: if it did not, EAP
 * would silently run on the slower JDK providers), its converted signing keys, and certificate checks through it.
 */
class NativeCryptoTest {

    @Test
    void loadsOnThisMachineAndIsRegisteredLast() {
        var provider = NativeCrypto.provider().orElseThrow(() -> new AssertionError("native crypto did not load"));
        var providers = java.security.Security.getProviders();
        assertEquals(provider.getName(), providers[providers.length - 1].getName());
        assertNotSame(provider, java.security.Security.getProviders("Signature.SHA256withECDSA")[0],
                "the JDK's providers stay first for callers that do not ask for the native one");
    }

    @Test
    void signingKeysBecomeNativeKeysThatSignVerifiably() throws Exception {
        for (KeyPair keys : List.of(TestPki.rsa(2048), TestPki.ec("secp256r1"))) {
            PrivateKey converted = NativeCrypto.signingKey(keys.getPrivate());
            assertNotSame(keys.getPrivate(), converted, keys.getPrivate().getAlgorithm());
            String alg = keys.getPrivate().getAlgorithm().equals("EC") ? "SHA256withECDSA" : "SHA256withRSA";
            Signature signer = Signature.getInstance(alg, NativeCrypto.provider().orElseThrow());
            signer.initSign(converted);
            signer.update("turnstile".getBytes());
            byte[] signature = signer.sign();
            Signature verifier = Signature.getInstance(alg); // the JDK's
            verifier.initVerify(keys.getPublic());
            verifier.update("turnstile".getBytes());
            assertTrue(verifier.verify(signature), alg);
        }
    }

    @Test
    void certificateSignaturesAreCheckedNativelyAndABadOneIsRefused() throws Exception {
        KeyPair ca = TestPki.ec("secp256r1");
        KeyPair other = TestPki.ec("secp256r1");
        X500Principal caName = new X500Principal("CN=Native CA");
        X509Certificate leaf = TestPki.certificate("leaf", TestPki.ec("secp256r1"), caName, ca.getPrivate(),
                NOW.minus(Duration.ofDays(1)), NOW.plus(Duration.ofDays(30)), false, KeyPurposeId.id_kp_clientAuth);
        NativeCrypto.verify(leaf, ca.getPublic());
        assertThrows(SignatureException.class, () -> NativeCrypto.verify(leaf, other.getPublic()));
        X509Certificate rsaSigned = TestPki.certificate("rsa-leaf", TestPki.rsa(2048), caName,
                TestPki.rsa(2048).getPrivate(), NOW.minus(Duration.ofDays(1)), NOW.plus(Duration.ofDays(30)), false);
        assertThrows(GeneralSecurityException.class, () -> NativeCrypto.verify(rsaSigned, ca.getPublic()),
                "an EC key cannot check an RSA signature, on either provider");
    }
}
