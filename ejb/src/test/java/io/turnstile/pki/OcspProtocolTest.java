package io.turnstile.pki;

import org.bouncycastle.asn1.ocsp.OCSPObjectIdentifiers;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cert.ocsp.BasicOCSPRespBuilder;
import org.bouncycastle.cert.ocsp.CertificateStatus;
import org.bouncycastle.cert.ocsp.OCSPResp;
import org.bouncycastle.cert.ocsp.OCSPRespBuilder;
import org.bouncycastle.cert.ocsp.RespID;
import org.bouncycastle.cert.ocsp.RevokedStatus;
import org.bouncycastle.cert.ocsp.UnknownStatus;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import javax.security.auth.x500.X500Principal;
import java.net.URI;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;

import static io.turnstile.pki.TestPki.NOW;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OcspProtocolTest {

    static KeyPair caKeys;
    static X509Certificate ca;
    static X509Certificate client;
    static KeyPair responderKeys;
    static X509Certificate responder;
    static X509Certificate notAResponder;
    static final byte[] NONCE = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16};

    @BeforeAll
    static void pki() {
        caKeys = TestPki.rsa(2048);
        Instant from = NOW.minus(Duration.ofDays(1));
        Instant until = NOW.plus(Duration.ofDays(100));
        ca = TestPki.certificate("OCSP Test CA", caKeys, new X500Principal("CN=OCSP Test CA"), caKeys.getPrivate(),
                from, until, true);
        client = TestPki.certificate("laptop", TestPki.ec("secp256r1"), ca.getSubjectX500Principal(),
                caKeys.getPrivate(), from, until, false, KeyPurposeId.id_kp_clientAuth);
        responderKeys = TestPki.rsa(2048);
        responder = TestPki.certificate("OCSP Responder", responderKeys, ca.getSubjectX500Principal(),
                caKeys.getPrivate(), from, until, false, KeyPurposeId.id_kp_OCSPSigning);
        notAResponder = TestPki.certificate("OCSP Responder", responderKeys, ca.getSubjectX500Principal(),
                caKeys.getPrivate(), from, until, false, KeyPurposeId.id_kp_serverAuth);
    }

    static OcspProtocol.Request request() {
        return OcspProtocol.request(client, ca, NONCE);
    }

    /** A basic response for the client's CertID, signed by {@code signer} (including {@code signerCert} if given). */
    static byte[] response(CertificateStatus status, Instant thisUpdate, Instant nextUpdate, byte[] nonce,
                           KeyPair signer, X509Certificate signerCert) throws Exception {
        var builder = new BasicOCSPRespBuilder(new RespID(
                new JcaX509CertificateHolder(signerCert == null ? ca : signerCert).getSubject()));
        builder.addResponse(request().id(), status, Date.from(thisUpdate),
                nextUpdate == null ? null : Date.from(nextUpdate), null);
        if (nonce != null) {
            builder.setResponseExtensions(new Extensions(new Extension(OCSPObjectIdentifiers.id_pkix_ocsp_nonce,
                    false, OcspProtocol.nonceValue(nonce))));
        }
        X509CertificateHolder[] chain = signerCert == null ? null
                : new X509CertificateHolder[]{new JcaX509CertificateHolder(signerCert)};
        var basic = builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(signer.getPrivate()), chain,
                Date.from(thisUpdate));
        return new OCSPRespBuilder().build(OCSPRespBuilder.SUCCESSFUL, basic).getEncoded();
    }

    static OcspVerdict verify(byte[] response) {
        return OcspProtocol.verify(response, request(), ca, NOW);
    }

    @Test
    void aGoodAnswerSignedByTheIssuerCountsUntilNextUpdate() throws Exception {
        OcspVerdict v = verify(response(CertificateStatus.GOOD, NOW, NOW.plusSeconds(3600), NONCE, caKeys, null));
        assertEquals(new OcspVerdict.Good(NOW, NOW.plusSeconds(3600)), v);
    }

    @Test
    void aDelegatedResponderWithOcspSigningIsAccepted() throws Exception {
        OcspVerdict v = verify(response(CertificateStatus.GOOD, NOW, null, NONCE, responderKeys, responder));
        assertInstanceOf(OcspVerdict.Good.class, v);
    }

    @Test
    void aRevokedAnswerGivesTheRevocationTime() throws Exception {
        Instant at = NOW.minus(Duration.ofHours(5));
        OcspVerdict v = verify(response(new RevokedStatus(Date.from(at), CRLReason.keyCompromise), NOW, null, NONCE,
                caKeys, null));
        assertEquals(new OcspVerdict.Revoked(at, null), v);
    }

    @Test
    void unknownIsNoStatus() throws Exception {
        OcspVerdict v = verify(response(new UnknownStatus(), NOW, null, NONCE, caKeys, null));
        assertEquals(new OcspVerdict.NoStatus("OCSP responder does not know the certificate (status unknown)"), v);
    }

    @Test
    void aBadSignatureIsNoStatus() throws Exception {
        String expected = "OCSP response signature does not verify with the issuer or an authorised responder"
                + " (id-kp-OCSPSigning)";
        // signed by a key the issuer never certified
        KeyPair stranger = TestPki.rsa(2048);
        assertEquals(new OcspVerdict.NoStatus(expected),
                verify(response(CertificateStatus.GOOD, NOW, null, NONCE, stranger, null)));
        // signed by a certificate of the issuer that lacks id-kp-OCSPSigning
        assertEquals(new OcspVerdict.NoStatus(expected),
                verify(response(CertificateStatus.GOOD, NOW, null, NONCE, responderKeys, notAResponder)));
    }

    @Test
    void aStaleAnswerIsNoStatus() throws Exception {
        OcspVerdict past = verify(response(CertificateStatus.GOOD, NOW.minus(Duration.ofDays(2)),
                NOW.minus(Duration.ofDays(1)), NONCE, caKeys, null));
        assertTrue(((OcspVerdict.NoStatus) past).reason().startsWith("OCSP response is stale (nextUpdate"), past.toString());
        OcspVerdict old = verify(response(CertificateStatus.GOOD, NOW.minus(Duration.ofHours(2)), null, NONCE,
                caKeys, null));
        assertTrue(((OcspVerdict.NoStatus) old).reason().startsWith("OCSP response is stale (thisUpdate"), old.toString());
        OcspVerdict future = verify(response(CertificateStatus.GOOD, NOW.plus(Duration.ofHours(1)), null, NONCE,
                caKeys, null));
        assertTrue(((OcspVerdict.NoStatus) future).reason().endsWith("is in the future"), future.toString());
    }

    @Test
    void anotherNonceIsNoStatusAndNoNonceIsAccepted() throws Exception {
        assertEquals(new OcspVerdict.NoStatus("OCSP response nonce does not match the request (replay?)"),
                verify(response(CertificateStatus.GOOD, NOW, null, new byte[16], caKeys, null)));
        // RFC 8954 §2.1: a responder may leave the nonce out (pre-produced responses)
        assertInstanceOf(OcspVerdict.Good.class, verify(response(CertificateStatus.GOOD, NOW, null, null, caKeys,
                null)));
    }

    @Test
    void anErrorStatusOrGarbageIsNoStatus() throws Exception {
        byte[] tryLater = new OCSPRespBuilder().build(OCSPRespBuilder.TRY_LATER, null).getEncoded();
        assertEquals(new OcspVerdict.NoStatus("OCSP responder answered status 3 (RFC 6960 §4.2.1)"), verify(tryLater));
        assertEquals(new OcspVerdict.NoStatus("OCSP response does not decode"), verify(new byte[]{0x30, 0x03, 1}));
    }

    @Test
    void theResponderUrlComesFromTheAuthorityInformationAccess() throws Exception {
        assertTrue(OcspProtocol.responderUrl(client).isEmpty());
        var builder = new org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder(ca, java.math.BigInteger.TEN,
                Date.from(NOW), Date.from(NOW.plusSeconds(999)), new X500Principal("CN=with-aia"),
                client.getPublicKey());
        builder.addExtension(Extension.authorityInfoAccess, false, new org.bouncycastle.asn1.x509
                .AuthorityInformationAccess(new org.bouncycastle.asn1.x509.AccessDescription(
                org.bouncycastle.asn1.x509.AccessDescription.id_ad_ocsp,
                new org.bouncycastle.asn1.x509.GeneralName(org.bouncycastle.asn1.x509.GeneralName
                        .uniformResourceIdentifier, "http://127.0.0.1:20250/"))));
        X509Certificate withAia = new org.bouncycastle.cert.jcajce.JcaX509CertificateConverter().getCertificate(
                builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(caKeys.getPrivate())));
        assertEquals(List.of(URI.create("http://127.0.0.1:20250/")), OcspProtocol.responderUrl(withAia).stream()
                .toList());
    }

    @Test
    void theValidatorRejectsRevokedAndFollowsFailOpen() throws Exception {
        OcspClient revoked = (c, i, u, t) -> new OcspVerdict.Revoked(NOW, null);
        OcspClient down = (c, i, u, t) -> new OcspVerdict.NoStatus("OCSP responder http://x/ unreachable");
        X509Certificate withAia = withAia();
        var open = new OcspSettings(true, Duration.ofSeconds(1), true);
        var closed = new OcspSettings(true, Duration.ofSeconds(1), false);
        var r = ClientCertificateValidator.validate(List.of(withAia), List.of(ca), List.of(),
                new OcspCheck(open, revoked), NOW);
        assertEquals(CertificateValidation.Outcome.REVOKED, r.outcome());
        assertEquals(CertificateValidation.OCSP_REVOKED, r.ocsp());
        var failOpen = ClientCertificateValidator.validate(List.of(withAia), List.of(ca), List.of(),
                new OcspCheck(open, down), NOW);
        assertEquals(CertificateValidation.Outcome.VALID, failOpen.outcome());
        assertEquals(CertificateValidation.OCSP_UNAVAILABLE, failOpen.ocsp());
        var failClosed = ClientCertificateValidator.validate(List.of(withAia), List.of(ca), List.of(),
                new OcspCheck(closed, down), NOW);
        assertEquals(CertificateValidation.Outcome.INVALID, failClosed.outcome());
        assertEquals("OCSP status unavailable (OCSP responder http://x/ unreachable), rejected: fail_open is false",
                failClosed.reason());
        // OCSP off: the responder is not asked
        var off = ClientCertificateValidator.validate(List.of(withAia), List.of(ca), List.of(),
                new OcspCheck(OcspSettings.DISABLED, revoked), NOW);
        assertEquals(CertificateValidation.Outcome.VALID, off.outcome());
    }

    static X509Certificate withAia() throws Exception {
        KeyPair keys = TestPki.rsa(2048);
        var builder = new org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder(ca, java.math.BigInteger.TWO,
                Date.from(NOW.minusSeconds(60)), Date.from(NOW.plusSeconds(999)), new X500Principal("CN=with-aia"),
                keys.getPublic());
        builder.addExtension(Extension.extendedKeyUsage, false, new org.bouncycastle.asn1.x509.ExtendedKeyUsage(
                KeyPurposeId.id_kp_clientAuth));
        builder.addExtension(Extension.authorityInfoAccess, false, new org.bouncycastle.asn1.x509
                .AuthorityInformationAccess(new org.bouncycastle.asn1.x509.AccessDescription(
                org.bouncycastle.asn1.x509.AccessDescription.id_ad_ocsp,
                new org.bouncycastle.asn1.x509.GeneralName(org.bouncycastle.asn1.x509.GeneralName
                        .uniformResourceIdentifier, "http://127.0.0.1:20250/"))));
        return new org.bouncycastle.cert.jcajce.JcaX509CertificateConverter().getCertificate(
                builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(caKeys.getPrivate())));
    }
}
