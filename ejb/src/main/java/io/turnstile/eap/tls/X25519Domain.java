package io.turnstile.eap.tls;

import java.io.IOException;
import java.security.SecureRandom;

import org.bouncycastle.math.ec.rfc7748.X25519;
import org.bouncycastle.tls.AlertDescription;
import org.bouncycastle.tls.TlsFatalAlert;
import org.bouncycastle.tls.crypto.TlsAgreement;
import org.bouncycastle.tls.crypto.TlsCrypto;
import org.bouncycastle.tls.crypto.TlsECDomain;
import org.bouncycastle.tls.crypto.TlsSecret;

/**
 * ECDHE over X25519 (RFC 7748, RFC 8446 §4.2.8.2 / RFC 8422) with Bouncy Castle's field arithmetic instead of the
 * JDK 17 XDH provider, which the EAP-TLS profile showed as the largest single consumer of a TLS 1.3 handshake
 * (OpenSSL peers, eapol_test included, offer x25519 first). The shared secret becomes a secret of the handshake's own
 * {@link TlsCrypto}, so the key schedule is unchanged.
 */
final class X25519Domain implements TlsECDomain {

    private final TlsCrypto crypto;
    private final SecureRandom random;

    X25519Domain(TlsCrypto crypto, SecureRandom random) {
        this.crypto = crypto;
        this.random = random;
    }

    @Override
    public TlsAgreement createECDH() {
        return new Agreement();
    }

    private final class Agreement implements TlsAgreement {

        private final byte[] privateKey = new byte[X25519.SCALAR_SIZE];
        private byte[] peerValue;

        @Override
        public byte[] generateEphemeral() {
            X25519.generatePrivateKey(random, privateKey);
            byte[] publicKey = new byte[X25519.POINT_SIZE];
            X25519.generatePublicKey(privateKey, 0, publicKey, 0);
            return publicKey;
        }

        @Override
        public void receivePeerValue(byte[] value) throws IOException {
            if (value == null || value.length != X25519.POINT_SIZE) {
                throw new TlsFatalAlert(AlertDescription.illegal_parameter, "X25519 key share of wrong length");
            }
            peerValue = value.clone();
        }

        @Override
        public TlsSecret calculateSecret() throws IOException {
            byte[] shared = new byte[X25519.POINT_SIZE];
            // RFC 7748 §6.1 / RFC 8446 §7.4.2: an all-zero shared secret (small-order peer point) aborts.
            if (peerValue == null || !X25519.calculateAgreement(privateKey, 0, peerValue, 0, shared, 0)) {
                throw new TlsFatalAlert(AlertDescription.illegal_parameter, "X25519 agreement failed");
            }
            return crypto.createSecret(shared);
        }
    }
}
