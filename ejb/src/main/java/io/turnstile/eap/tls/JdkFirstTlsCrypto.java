package io.turnstile.eap.tls;

import org.bouncycastle.jcajce.util.DefaultJcaJceHelper;
import org.bouncycastle.jcajce.util.JcaJceHelper;
import org.bouncycastle.jcajce.util.ProviderJcaJceHelper;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.tls.NamedGroup;
import org.bouncycastle.tls.crypto.TlsECConfig;
import org.bouncycastle.tls.crypto.TlsECDomain;
import org.bouncycastle.tls.crypto.impl.jcajce.JcaTlsCrypto;

import javax.crypto.Cipher;
import javax.crypto.ExemptionMechanism;
import javax.crypto.KeyAgreement;
import javax.crypto.KeyGenerator;
import javax.crypto.Mac;
import javax.crypto.NoSuchPaddingException;
import javax.crypto.SecretKeyFactory;
import java.security.AlgorithmParameterGenerator;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.InvalidAlgorithmParameterException;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.KeyStoreException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.NoSuchProviderException;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.CertPathBuilder;
import java.security.cert.CertPathValidator;
import java.security.cert.CertStore;
import java.security.cert.CertStoreParameters;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;

/**
 * Bouncy Castle's TLS crypto on the JDK's providers first (SunRsaSign, SunEC, SunJCE), with a private Bouncy Castle
 * provider only for algorithms the JDK does not offer under the name BC asks for (the {@code SHA256withRSAandMGF1}
 * RSA-PSS signatures of TLS 1.3 and of most TLS 1.2 peers).
 *
 * <p>Why: with BC as the only provider, every handshake converted the server's private key and the peer's public key
 * to BC keys, and BC re-validates an RSA modulus on each conversion (Miller-Rabin rounds); with its BigInteger RSA
 * that was the largest CPU consumer of an EAP-TLS handshake in the issue 3 profile. The JDK's RSA uses CRT with the
 * JVM's Montgomery intrinsics, its AES-GCM and SHA-2 use CPU intrinsics, and it keeps the keys as they are.
 */
final class JdkFirstTlsCrypto extends JcaTlsCrypto {

    JdkFirstTlsCrypto(SecureRandom random) {
        super(new JdkFirstHelper(), random, random);
    }

    /** X25519 with Bouncy Castle's arithmetic (see {@link X25519Domain}); every other group as BC's JCA crypto does. */
    @Override
    public TlsECDomain createECDomain(TlsECConfig ecConfig) {
        if (ecConfig.getNamedGroup() == NamedGroup.x25519) {
            return new X25519Domain(this, getSecureRandom());
        }
        return super.createECDomain(ecConfig);
    }

    /** Each lookup tries the installed (JDK) providers, then the private BC provider. */
    static final class JdkFirstHelper implements JcaJceHelper {

        private final JcaJceHelper jdk = new DefaultJcaJceHelper();
        private final JcaJceHelper bc = new ProviderJcaJceHelper(new BouncyCastleProvider());

        private interface Lookup<T> {
            T from(JcaJceHelper helper) throws GeneralSecurityException;
        }

        private <T> T first(Lookup<T> lookup) throws GeneralSecurityException {
            try {
                return lookup.from(jdk);
            } catch (NoSuchAlgorithmException | NoSuchPaddingException | NoSuchProviderException e) {
                return lookup.from(bc);
            }
        }

        /** A lookup failed with an exception its method does not declare: cannot happen with these helpers. */
        private static IllegalStateException unexpected(GeneralSecurityException e) {
            return new IllegalStateException(e);
        }

        private <T> T get(Lookup<T> lookup) throws NoSuchAlgorithmException, NoSuchProviderException {
            try {
                return first(lookup);
            } catch (NoSuchAlgorithmException | NoSuchProviderException e) {
                throw e;
            } catch (GeneralSecurityException e) {
                throw unexpected(e);
            }
        }

        @Override
        public Cipher createCipher(String name) throws NoSuchAlgorithmException, NoSuchPaddingException,
                NoSuchProviderException {
            try {
                return first(h -> h.createCipher(name));
            } catch (NoSuchAlgorithmException | NoSuchPaddingException | NoSuchProviderException e) {
                throw e;
            } catch (GeneralSecurityException e) {
                throw unexpected(e);
            }
        }

        @Override
        public Mac createMac(String name) throws NoSuchAlgorithmException, NoSuchProviderException {
            return get(h -> h.createMac(name));
        }

        @Override
        public KeyAgreement createKeyAgreement(String name) throws NoSuchAlgorithmException, NoSuchProviderException {
            return get(h -> h.createKeyAgreement(name));
        }

        @Override
        public AlgorithmParameterGenerator createAlgorithmParameterGenerator(String name)
                throws NoSuchAlgorithmException, NoSuchProviderException {
            return get(h -> h.createAlgorithmParameterGenerator(name));
        }

        @Override
        public AlgorithmParameters createAlgorithmParameters(String name)
                throws NoSuchAlgorithmException, NoSuchProviderException {
            return get(h -> h.createAlgorithmParameters(name));
        }

        @Override
        public KeyGenerator createKeyGenerator(String name) throws NoSuchAlgorithmException, NoSuchProviderException {
            return get(h -> h.createKeyGenerator(name));
        }

        @Override
        public KeyFactory createKeyFactory(String name) throws NoSuchAlgorithmException, NoSuchProviderException {
            return get(h -> h.createKeyFactory(name));
        }

        @Override
        public SecretKeyFactory createSecretKeyFactory(String name)
                throws NoSuchAlgorithmException, NoSuchProviderException {
            return get(h -> h.createSecretKeyFactory(name));
        }

        @Override
        public KeyPairGenerator createKeyPairGenerator(String name)
                throws NoSuchAlgorithmException, NoSuchProviderException {
            return get(h -> h.createKeyPairGenerator(name));
        }

        @Override
        public MessageDigest createDigest(String name) throws NoSuchAlgorithmException, NoSuchProviderException {
            return get(h -> h.createDigest(name));
        }

        @Override
        @SuppressWarnings("deprecation")
        public MessageDigest createMessageDigest(String name) throws NoSuchAlgorithmException, NoSuchProviderException {
            return get(h -> h.createMessageDigest(name));
        }

        @Override
        public Signature createSignature(String name) throws NoSuchAlgorithmException, NoSuchProviderException {
            return get(h -> h.createSignature(name));
        }

        @Override
        public CertificateFactory createCertificateFactory(String name)
                throws NoSuchProviderException, CertificateException {
            try {
                return jdk.createCertificateFactory(name);
            } catch (CertificateException e) {
                return bc.createCertificateFactory(name);
            }
        }

        @Override
        public SecureRandom createSecureRandom(String name) throws NoSuchAlgorithmException, NoSuchProviderException {
            return get(h -> h.createSecureRandom(name));
        }

        @Override
        public CertPathBuilder createCertPathBuilder(String name)
                throws NoSuchAlgorithmException, NoSuchProviderException {
            return get(h -> h.createCertPathBuilder(name));
        }

        @Override
        public CertPathValidator createCertPathValidator(String name)
                throws NoSuchAlgorithmException, NoSuchProviderException {
            return get(h -> h.createCertPathValidator(name));
        }

        @Override
        public CertStore createCertStore(String name, CertStoreParameters parameters)
                throws NoSuchAlgorithmException, InvalidAlgorithmParameterException, NoSuchProviderException {
            try {
                return first(h -> h.createCertStore(name, parameters));
            } catch (NoSuchAlgorithmException | InvalidAlgorithmParameterException | NoSuchProviderException e) {
                throw e;
            } catch (GeneralSecurityException e) {
                throw unexpected(e);
            }
        }

        @Override
        public ExemptionMechanism createExemptionMechanism(String name)
                throws NoSuchAlgorithmException, NoSuchProviderException {
            return get(h -> h.createExemptionMechanism(name));
        }

        @Override
        public KeyStore createKeyStore(String name) throws KeyStoreException, NoSuchProviderException {
            try {
                return jdk.createKeyStore(name);
            } catch (KeyStoreException e) {
                return bc.createKeyStore(name);
            }
        }
    }
}
