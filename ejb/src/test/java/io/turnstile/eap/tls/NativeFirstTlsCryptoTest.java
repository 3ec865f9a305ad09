package io.turnstile.eap.tls;

import io.turnstile.platform.NativeCrypto;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.junit.jupiter.api.Test;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Provider;
import java.security.Signature;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which provider serves which of Bouncy Castle's TLS lookups, with and without the native provider. */
class NativeFirstTlsCryptoTest {

    private final Provider nativeProvider = NativeCrypto.provider().orElseThrow();

    @Test
    void publicKeyOperationsGoToTheNativeProvider() throws Exception {
        var helper = new NativeFirstTlsCrypto.NativeFirstHelper(Optional.of(nativeProvider));
        assertEquals(nativeProvider, helper.createSignature("SHA256withECDSA").getProvider());
        assertEquals(nativeProvider, helper.createSignature("NoneWithECDSA").getProvider());
        assertEquals(nativeProvider, helper.createKeyAgreement("ECDH").getProvider());
        assertEquals(nativeProvider, helper.createKeyPairGenerator("EC").getProvider());
        assertEquals(nativeProvider, helper.createKeyFactory("RSA").getProvider());
        // record protection and hashing stay on the JDK (intrinsics, no JNI call per record)
        assertEquals("SunJCE", helper.createCipher("AES/GCM/NoPadding").getProvider().getName());
        assertEquals("SUN", helper.createMessageDigest("SHA-256").getProvider().getName());
        // X25519 is not in the native provider: the JDK's
        assertEquals("SunEC", helper.createKeyAgreement("X25519").getProvider().getName());
    }

    @Test
    void bouncyCastlesRsaPssNameBecomesRsassaPssAndInteroperates() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(2048);
        KeyPair keys = g.generateKeyPair();
        for (Optional<Provider> p : java.util.List.of(Optional.of(nativeProvider), Optional.<Provider>empty())) {
            var helper = new NativeFirstTlsCrypto.NativeFirstHelper(p);
            Signature signer = helper.createSignature(NativeFirstTlsCrypto.standardName("SHA256WITHRSAANDMGF1"));
            assertEquals(p.map(Provider::getName).orElse("SunRsaSign"), signer.getProvider().getName());
            // as BC's JcaTlsRSAPSSSigner does: parameters first (RFC 8446 §4.2.3, salt = hash length), then the key
            signer.setParameter(new PSSParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256, 32, 1));
            signer.initSign(p.isPresent() ? NativeCrypto.signingKey(keys.getPrivate()) : keys.getPrivate());
            signer.update(new byte[]{1, 2, 3});
            byte[] signature = signer.sign();
            Signature bc = Signature.getInstance("SHA256withRSAandMGF1", new BouncyCastleProvider());
            bc.initVerify(keys.getPublic());
            bc.update(new byte[]{1, 2, 3});
            assertTrue(bc.verify(signature), "PSS signature from " + signer.getProvider().getName());
        }
    }

    @Test
    void withoutTheNativeProviderTheJdkComesFirst() throws Exception {
        var helper = new NativeFirstTlsCrypto.NativeFirstHelper(Optional.empty());
        assertEquals("SunEC", helper.createSignature("SHA256withECDSA").getProvider().getName());
        assertEquals("SunEC", helper.createKeyAgreement("ECDH").getProvider().getName());
        // an algorithm only Bouncy Castle has
        assertEquals(BouncyCastleProvider.PROVIDER_NAME, helper.createSignature("RIPEMD160withECDSA").getProvider()
                .getName());
    }
}
