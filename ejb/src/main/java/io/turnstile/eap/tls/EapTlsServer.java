package io.turnstile.eap.tls;

import io.turnstile.pki.CertificateValidation;
import io.turnstile.pki.ClientCertificateValidator;
import io.turnstile.pki.EapTlsCredentials;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.tls.AlertDescription;
import org.bouncycastle.tls.Certificate;
import org.bouncycastle.tls.CertificateEntry;
import org.bouncycastle.tls.CertificateRequest;
import org.bouncycastle.tls.CipherSuite;
import org.bouncycastle.tls.ClientCertificateType;
import org.bouncycastle.tls.DefaultTlsServer;
import org.bouncycastle.tls.KeyExchangeAlgorithm;
import org.bouncycastle.tls.ProtocolVersion;
import org.bouncycastle.tls.SignatureAndHashAlgorithm;
import org.bouncycastle.tls.SignatureScheme;
import org.bouncycastle.tls.TlsCredentials;
import org.bouncycastle.tls.TlsFatalAlert;
import org.bouncycastle.tls.TlsUtils;
import org.bouncycastle.tls.crypto.TlsCertificate;
import org.bouncycastle.tls.crypto.TlsCryptoParameters;
import org.bouncycastle.tls.crypto.impl.jcajce.JcaDefaultTlsCredentialedSigner;
import org.bouncycastle.tls.crypto.impl.jcajce.JcaTlsCrypto;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Vector;

/**
 * The TLS server side of one EAP-TLS conversation, on Bouncy Castle's TLS API: the org's server key and chain, a
 * mandatory client certificate checked by {@link ClientCertificateValidator}, TLS 1.2 and 1.3 with the suites common
 * supplicants offer, and the MSK exported once the handshake completes (RFC 5216 §2.3, RFC 9190 §2.3).
 */
final class EapTlsServer extends DefaultTlsServer {

    /** RFC 5216 §2.3: PRF label of the TLS 1.2 key material. */
    static final String TLS12_LABEL = "client EAP encryption";
    /** RFC 9190 §2.3, RFC 9427 §2.1: exporter label of the TLS 1.3 key material, the method's Type-Code as context. */
    static final String TLS13_LABEL = "EXPORTER_EAP_TLS_Key_Material";
    static final int KEY_MATERIAL_LENGTH = 128;
    static final int MSK_LENGTH = 64;
    static final int EMSK_LENGTH = 64;

    /**
     * TLS 1.3 (RFC 8446 §9.1) and the TLS 1.2 suites Windows 10/11, macOS/iOS, Android and wpa_supplicant offer,
     * ECDHE first; the RSA key-exchange suites stay for older Windows and embedded supplicants without ECDHE.
     */
    static final int[] CIPHER_SUITES = {
            CipherSuite.TLS_AES_128_GCM_SHA256, CipherSuite.TLS_AES_256_GCM_SHA384,
            CipherSuite.TLS_CHACHA20_POLY1305_SHA256,
            CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256, CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384,
            CipherSuite.TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256, CipherSuite.TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384,
            CipherSuite.TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256,
            CipherSuite.TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256,
            CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA256, CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA384,
            CipherSuite.TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA256, CipherSuite.TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA384,
            CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA, CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA,
            CipherSuite.TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA, CipherSuite.TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA,
            CipherSuite.TLS_DHE_RSA_WITH_AES_128_GCM_SHA256, CipherSuite.TLS_DHE_RSA_WITH_AES_256_GCM_SHA384,
            CipherSuite.TLS_RSA_WITH_AES_128_GCM_SHA256, CipherSuite.TLS_RSA_WITH_AES_256_GCM_SHA384,
            CipherSuite.TLS_RSA_WITH_AES_128_CBC_SHA256, CipherSuite.TLS_RSA_WITH_AES_256_CBC_SHA256,
            CipherSuite.TLS_RSA_WITH_AES_128_CBC_SHA, CipherSuite.TLS_RSA_WITH_AES_256_CBC_SHA,
    };

    private final JcaTlsCrypto crypto;
    private final EapTlsCredentials credentials;
    private final ProtocolVersion minimumVersion;
    private final ProtocolVersion maximumVersion;
    private final Clock clock;
    private final TlsProfile profile;

    private CertificateValidation validation;
    /** The 128 octets of key material (MSK | EMSK), once the handshake is complete. */
    private byte[] keyMaterial;
    private String version;
    private int cipherSuite;
    private int prfAlgorithm;
    private byte[] tunnelExport;

    EapTlsServer(JcaTlsCrypto crypto, EapTlsCredentials credentials, ProtocolVersion minimumVersion,
                 ProtocolVersion maximumVersion, Clock clock, TlsProfile profile) {
        super(crypto);
        this.profile = profile;
        this.crypto = crypto;
        this.credentials = credentials;
        this.minimumVersion = minimumVersion;
        this.maximumVersion = maximumVersion;
        this.clock = clock;
    }

    @Override
    protected ProtocolVersion[] getSupportedVersions() {
        // A method without TLS 1.3 (TEAP, RFC 9427 not implemented for it) is capped at 1.2; with a configured
        // minimum of 1.3 it has no version left and every handshake fails with protocol_version.
        ProtocolVersion max = profile.tls13() || !maximumVersion.isLaterVersionOf(ProtocolVersion.TLSv12)
                ? maximumVersion : ProtocolVersion.TLSv12;
        return max.isEqualOrLaterVersionOf(minimumVersion) ? max.downTo(minimumVersion) : new ProtocolVersion[0];
    }

    @Override
    protected int[] getSupportedCipherSuites() {
        // Bouncy Castle picks a TLS 1.2 suite before asking for credentials: offer only the suites our key can serve.
        boolean ec = credentials.server().certificate().getPublicKey() instanceof ECPublicKey;
        int[] fitting = java.util.Arrays.stream(CIPHER_SUITES).filter(suite -> {
            int kx = TlsUtils.getKeyExchangeAlgorithm(suite);
            return switch (kx) {
                case KeyExchangeAlgorithm.ECDHE_ECDSA -> ec;
                case KeyExchangeAlgorithm.ECDHE_RSA, KeyExchangeAlgorithm.DHE_RSA, KeyExchangeAlgorithm.RSA -> !ec;
                default -> true; // TLS 1.3 suites (key exchange NULL) fit any key
            };
        }).toArray();
        return TlsUtils.getSupportedCipherSuites(crypto, fitting);
    }

    /** RFC 9190 §2.1.1 / RFC 5216 §2.1.1: EAP-TLS always authenticates the peer with a certificate. */
    @Override
    public CertificateRequest getCertificateRequest() throws IOException {
        if (!profile.requireClientCertificate()) {
            return null; // RFC 5281 §7.1: TTLS authenticates the user inside the tunnel, no client certificate asked
        }
        Vector<SignatureAndHashAlgorithm> sigAlgs = TlsUtils.isSignatureAlgorithmsExtensionAllowed(
                context.getServerVersion()) ? TlsUtils.getDefaultSupportedSignatureAlgorithms(context) : null;
        // certificate_authorities lets a peer with several certificates (Windows, macOS) pick the one we trust.
        Vector<X500Name> authorities = new Vector<>();
        for (X509Certificate ca : credentials.trustedCas()) {
            authorities.add(X500Name.getInstance(ca.getSubjectX500Principal().getEncoded()));
        }
        return TlsUtils.isTLSv13(context)
                ? new CertificateRequest(TlsUtils.EMPTY_BYTES, sigAlgs, null, authorities)
                : new CertificateRequest(new short[]{ClientCertificateType.rsa_sign, ClientCertificateType.ecdsa_sign},
                sigAlgs, authorities);
    }

    @Override
    public void notifyClientCertificate(Certificate clientCertificate) throws IOException {
        List<X509Certificate> chain = new ArrayList<>();
        try {
            CertificateFactory cf = CertificateFactory.getInstance("X.509");
            for (TlsCertificate c : clientCertificate.getCertificateList()) {
                chain.add((X509Certificate) cf.generateCertificate(new ByteArrayInputStream(c.getEncoded())));
            }
        } catch (GeneralSecurityException e) {
            validation = ClientCertificateValidator.validate(List.of(), credentials.trustedCas(), credentials.crls(),
                    clock.instant());
            throw new TlsFatalAlert(AlertDescription.bad_certificate, "client certificate does not decode");
        }
        validation = ClientCertificateValidator.validate(chain, credentials.trustedCas(), credentials.crls(),
                credentials.ocsp(), clock.instant());
        if (!validation.valid()) {
            short alert = switch (validation.outcome()) {
                case EXPIRED -> AlertDescription.certificate_expired;
                case REVOKED -> AlertDescription.certificate_revoked;
                default -> chain.isEmpty()
                        ? (TlsUtils.isTLSv13(context) ? AlertDescription.certificate_required
                        : AlertDescription.handshake_failure)
                        : AlertDescription.bad_certificate;
            };
            throw new TlsFatalAlert(alert, validation.reason());
        }
    }

    @Override
    public TlsCredentials getCredentials() throws IOException {
        boolean tls13 = TlsUtils.isTLSv13(context);
        List<X509Certificate> chain = credentials.server().chain();
        TlsCertificate[] certs = new TlsCertificate[chain.size()];
        try {
            for (int i = 0; i < certs.length; i++) {
                certs[i] = crypto.createCertificate(chain.get(i).getEncoded());
            }
        } catch (GeneralSecurityException e) {
            throw new TlsFatalAlert(AlertDescription.internal_error, e);
        }
        Certificate certificate;
        if (tls13) {
            CertificateEntry[] entries = new CertificateEntry[certs.length];
            for (int i = 0; i < certs.length; i++) {
                entries[i] = new CertificateEntry(certs[i], null);
            }
            certificate = new Certificate(TlsUtils.EMPTY_BYTES, entries);
        } else {
            certificate = new Certificate(certs);
        }
        if (!tls13 && context.getSecurityParametersHandshake().getKeyExchangeAlgorithm() == KeyExchangeAlgorithm.RSA) {
            return new org.bouncycastle.tls.crypto.impl.jcajce.JceDefaultTlsCredentialedDecryptor(crypto, certificate,
                    credentials.server().key());
        }
        return new JcaDefaultTlsCredentialedSigner(new TlsCryptoParameters(context), crypto,
                credentials.server().key(), certificate, signatureAlgorithm(tls13));
    }

    /** The first scheme the client offers that fits the server key (RFC 8446 §4.2.3, RFC 5246 §7.4.1.4.1). */
    private SignatureAndHashAlgorithm signatureAlgorithm(boolean tls13) throws IOException {
        boolean ec = credentials.server().certificate().getPublicKey() instanceof ECPublicKey;
        List<SignatureAndHashAlgorithm> preferred = ec
                ? List.of(SignatureAndHashAlgorithm.getInstance(org.bouncycastle.tls.HashAlgorithm.sha256,
                        org.bouncycastle.tls.SignatureAlgorithm.ecdsa),
                SignatureAndHashAlgorithm.getInstance(org.bouncycastle.tls.HashAlgorithm.sha384,
                        org.bouncycastle.tls.SignatureAlgorithm.ecdsa))
                : tls13
                ? List.of(SignatureAndHashAlgorithm.rsa_pss_rsae_sha256, SignatureAndHashAlgorithm.rsa_pss_rsae_sha384,
                SignatureAndHashAlgorithm.rsa_pss_rsae_sha512)
                // TLS 1.2: PKCS#1 v1.5 first, every TLS 1.2 supplicant verifies it (older Windows lack PSS here).
                : List.of(SignatureScheme.getSignatureAndHashAlgorithm(SignatureScheme.rsa_pkcs1_sha256),
                SignatureScheme.getSignatureAndHashAlgorithm(SignatureScheme.rsa_pkcs1_sha384),
                SignatureScheme.getSignatureAndHashAlgorithm(SignatureScheme.rsa_pkcs1_sha512),
                SignatureAndHashAlgorithm.rsa_pss_rsae_sha256);
        Vector<?> offered = context.getSecurityParametersHandshake().getClientSigAlgs();
        if (offered == null) {
            // RFC 5246 §7.4.1.4.1: no signature_algorithms extension means SHA-1 with the key's algorithm.
            return SignatureAndHashAlgorithm.getInstance(org.bouncycastle.tls.HashAlgorithm.sha1,
                    ec ? org.bouncycastle.tls.SignatureAlgorithm.ecdsa : org.bouncycastle.tls.SignatureAlgorithm.rsa);
        }
        for (SignatureAndHashAlgorithm candidate : preferred) {
            if (offered.contains(candidate)) {
                return candidate;
            }
        }
        throw new TlsFatalAlert(AlertDescription.handshake_failure, "no common signature scheme");
    }

    @Override
    public void notifyHandshakeComplete() throws IOException {
        super.notifyHandshakeComplete();
        boolean tls13 = TlsUtils.isTLSv13(context);
        version = tls13 ? "TLSv1.3" : "TLSv1.2";
        // TLS 1.3: RFC 9190 §2.3 (EAP-TLS) and RFC 9427 §2.1 (TTLS, PEAP), the Type-Code as the exporter context.
        // TLS 1.2: the method's PRF label (RFC 5216 §2.3, RFC 5281 §8); MSK the first 64 octets, EMSK the next 64.
        keyMaterial = tls13
                ? context.exportKeyingMaterial(TLS13_LABEL, new byte[]{(byte) profile.type()}, KEY_MATERIAL_LENGTH)
                : context.exportKeyingMaterial(profile.tls12KeyLabel(), null, KEY_MATERIAL_LENGTH);
        cipherSuite = context.getSecurityParametersConnection().getCipherSuite();
        prfAlgorithm = context.getSecurityParametersConnection().getPRFAlgorithm();
        if (profile.tunnelExport() != null) {
            tunnelExport = context.exportKeyingMaterial(profile.tunnelExport().label(), null,
                    profile.tunnelExport().length());
        }
    }

    /** RFC 5077 tickets and TLS 1.3 NewSessionTicket are not offered: no resumption, no post-handshake surprises. */
    @Override
    public org.bouncycastle.tls.TlsSession getSessionToResume(byte[] sessionID) {
        return null;
    }

    /** The established tunnel, for the inner exchange of TEAP (null before the handshake completed). */
    TlsTunnel tunnel() {
        if (version == null) {
            return null;
        }
        byte[] exported = tunnelExport;
        int suite = cipherSuite;
        int prf = prfAlgorithm;
        return new TlsTunnel() {
            @Override
            public byte[] exportKeyingMaterial(String label, byte[] exportContext, int length) {
                // Bouncy Castle exports only inside notifyHandshakeComplete: what the profile declared was taken then.
                TlsProfile.TunnelExport declared = profile.tunnelExport();
                if (exported == null || exportContext != null || !declared.label().equals(label)
                        || declared.length() != length) {
                    throw new IllegalArgumentException("the TLS profile did not export '" + label + "'");
                }
                return exported.clone();
            }

            @Override
            public int cipherSuite() {
                return suite;
            }

            @Override
            public int prfAlgorithm() {
                return prf;
            }
        };
    }

    CertificateValidation validation() {
        return validation;
    }

    byte[] msk() {
        return keyMaterial == null ? null : java.util.Arrays.copyOf(keyMaterial, MSK_LENGTH);
    }

    byte[] emsk() {
        return keyMaterial == null ? null
                : java.util.Arrays.copyOfRange(keyMaterial, MSK_LENGTH, MSK_LENGTH + EMSK_LENGTH);
    }

    /** All 128 octets (MSK | EMSK): PEAP's tunnel key (TK) is their first 60 ([MS-PEAP] §3.1.5.5). */
    byte[] keyMaterial() {
        return keyMaterial == null ? null : keyMaterial.clone();
    }

    String version() {
        return version;
    }

    boolean tls13() {
        return "TLSv1.3".equals(version);
    }
}
