package io.turnstile.eap;

import io.turnstile.eap.tls.EapTlsPacket;
import io.turnstile.pki.CertifiedKey;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.tls.Certificate;
import org.bouncycastle.tls.CertificateEntry;
import org.bouncycastle.tls.CertificateRequest;
import org.bouncycastle.tls.DefaultTlsClient;
import org.bouncycastle.tls.ProtocolVersion;
import org.bouncycastle.tls.SignatureAndHashAlgorithm;
import org.bouncycastle.tls.TlsAuthentication;
import org.bouncycastle.tls.TlsClientProtocol;
import org.bouncycastle.tls.TlsCredentials;
import org.bouncycastle.tls.TlsServerCertificate;
import org.bouncycastle.tls.TlsUtils;
import org.bouncycastle.tls.crypto.TlsCertificate;
import org.bouncycastle.tls.crypto.TlsCryptoParameters;
import org.bouncycastle.tls.crypto.impl.jcajce.JcaDefaultTlsCredentialedSigner;
import org.bouncycastle.tls.crypto.impl.jcajce.JcaTlsCrypto;
import org.bouncycastle.tls.crypto.impl.jcajce.JcaTlsCryptoProvider;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.security.SecureRandom;
import java.util.Arrays;

/**
 * An EAP-TLS peer for unit tests: Bouncy Castle's TLS client driven through EAP-TLS fragments, as a supplicant would
 * (the integration tests use the real eapol_test).
 */
final class TlsPeer {

    private final JcaTlsCrypto crypto = new JcaTlsCryptoProvider().setProvider(new BouncyCastleProvider())
            .create(new SecureRandom());
    private final TlsClientProtocol protocol = new TlsClientProtocol();
    private final Client client;
    private final int fragmentSize;
    private final ByteArrayOutputStream incoming = new ByteArrayOutputStream();
    private byte[] pending = new byte[0];
    private int pendingSent;
    byte[] msk;
    /** The EMSK the peer derives: key material octets 64..127 (RFC 5216 §2.3, RFC 9190 §2.3, RFC 9427 §2.1). */
    byte[] emsk;
    /** The method's Type-Code, the TLS 1.3 exporter context (13 EAP-TLS, 21 TTLS, 25 PEAP). */
    int typeCode = 13;
    /**
     * Send Phase 2 in the same message as the TLS 1.3 Finished (Bouncy Castle's way), or only when the server's next
     * Request comes (wpa_supplicant's way: it waits for the server's empty Request after the handshake).
     */
    boolean phase2WithFinished = true;
    /** A tunnelled method's peer side (PEAP Phase 2): answers each decrypted message, or null for none. */
    java.util.function.UnaryOperator<byte[]> tunnel;
    byte[] applicationData = new byte[0];
    /** The key algorithm of the server certificate the peer received ("RSA", "EC"). */
    String serverKeyAlgorithm;
    int fragmentsReceived;
    int fragmentsSent;
    /** TLS 1.2 PRF label of the MSK (RFC 5216 §2.3; TTLS: "ttls keying material", RFC 5281 §8). */
    String keyLabel = "client EAP encryption";
    /** Application data to send once the handshake is complete (TTLS Phase 2), or null. */
    byte[] phase2;
    private boolean phase2Sent;

    TlsPeer(ProtocolVersion version, CertifiedKey clientKey, int fragmentSize) {
        this.client = new Client(crypto, version, clientKey);
        this.fragmentSize = fragmentSize;
    }

    /** The EAP-TLS Type-Data answering a Request's Type-Data. */
    byte[] respond(byte[] requestTypeData) throws Exception {
        EapTlsPacket request = EapTlsPacket.parse(requestTypeData);
        if (request.has(EapTlsPacket.START)) {
            protocol.connect(client);
            return sendOutput();
        }
        if (pendingSent < pending.length) {
            if (!request.isAck()) {
                throw new AssertionError("server sent data while a peer fragment was outstanding");
            }
            return nextFragment();
        }
        fragmentsReceived++;
        boolean establishedBefore = msk != null;
        incoming.writeBytes(request.data());
        if (request.has(EapTlsPacket.MORE_FRAGMENTS)) {
            return EapTlsPacket.ack().encode();
        }
        byte[] message = incoming.toByteArray();
        incoming.reset();
        protocol.offerInput(message);
        int available = protocol.applicationDataAvailable();
        if (available > 0) {
            byte[] data = new byte[available];
            protocol.readApplicationData(data, 0, available);
            applicationData = data;
            byte[] answer = tunnel == null ? null : tunnel.apply(data);
            if (answer != null) {
                protocol.writeApplicationData(answer, 0, answer.length);
            }
        }
        if (phase2 != null && !phase2Sent && msk != null && (phase2WithFinished || establishedBefore)) {
            phase2Sent = true;
            protocol.writeApplicationData(phase2, 0, phase2.length);
        }
        return sendOutput();
    }

    private byte[] sendOutput() {
        int n = protocol.getAvailableOutputBytes();
        pending = new byte[n];
        protocol.readOutput(pending, 0, n);
        pendingSent = 0;
        if (n == 0) {
            return EapTlsPacket.ack().encode();
        }
        return nextFragment();
    }

    private byte[] nextFragment() {
        int n = Math.min(fragmentSize, pending.length - pendingSent);
        boolean first = pendingSent == 0;
        boolean more = pendingSent + n < pending.length;
        int flags = (more ? EapTlsPacket.MORE_FRAGMENTS : 0) | (first ? EapTlsPacket.LENGTH_INCLUDED : 0);
        byte[] data = Arrays.copyOfRange(pending, pendingSent, pendingSent + n);
        EapTlsPacket p = new EapTlsPacket(flags, first ? pending.length : -1, data);
        pendingSent += n;
        fragmentsSent++;
        return p.encode();
    }

    boolean handshakeComplete() {
        return msk != null;
    }

    private final class Client extends DefaultTlsClient {
        private final ProtocolVersion version;
        private final CertifiedKey key;

        Client(JcaTlsCrypto crypto, ProtocolVersion version, CertifiedKey key) {
            super(crypto);
            this.version = version;
            this.key = key;
        }

        @Override
        protected ProtocolVersion[] getSupportedVersions() {
            return version.only();
        }

        @Override
        public TlsAuthentication getAuthentication() {
            return new TlsAuthentication() {
                @Override
                public void notifyServerCertificate(TlsServerCertificate serverCertificate) throws IOException {
                    // The tests check the server's chain through the PKI tests; here only the EAP layer matters.
                    try {
                        serverKeyAlgorithm = java.security.cert.CertificateFactory.getInstance("X.509")
                                .generateCertificate(new java.io.ByteArrayInputStream(serverCertificate
                                        .getCertificate().getCertificateAt(0).getEncoded()))
                                .getPublicKey().getAlgorithm();
                    } catch (java.security.GeneralSecurityException e) {
                        throw new IOException(e);
                    }
                }

                @Override
                public TlsCredentials getClientCredentials(CertificateRequest request) throws IOException {
                    if (key == null) {
                        return null;
                    }
                    TlsCertificate[] certs = new TlsCertificate[key.chain().size()];
                    try {
                        for (int i = 0; i < certs.length; i++) {
                            certs[i] = crypto.createCertificate(key.chain().get(i).getEncoded());
                        }
                    } catch (java.security.cert.CertificateEncodingException e) {
                        throw new IOException(e);
                    }
                    Certificate certificate;
                    if (TlsUtils.isTLSv13(context)) {
                        CertificateEntry[] entries = new CertificateEntry[certs.length];
                        for (int i = 0; i < certs.length; i++) {
                            entries[i] = new CertificateEntry(certs[i], null);
                        }
                        certificate = new Certificate(request.getCertificateRequestContext(), entries);
                    } else {
                        certificate = new Certificate(certs);
                    }
                    return new JcaDefaultTlsCredentialedSigner(new TlsCryptoParameters(context), (JcaTlsCrypto) getCrypto(),
                            key.key(), certificate, SignatureAndHashAlgorithm.rsa_pss_rsae_sha256);
                }
            };
        }

        @Override
        public void notifyHandshakeComplete() throws IOException {
            super.notifyHandshakeComplete();
            byte[] km = TlsUtils.isTLSv13(context)
                    ? context.exportKeyingMaterial("EXPORTER_EAP_TLS_Key_Material", new byte[]{(byte) typeCode}, 128)
                    : context.exportKeyingMaterial(keyLabel, null, 128);
            msk = Arrays.copyOf(km, 64);
            emsk = Arrays.copyOfRange(km, 64, 128);
        }
    }
}
