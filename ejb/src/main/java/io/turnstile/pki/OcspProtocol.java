package io.turnstile.pki;

import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.ocsp.OCSPObjectIdentifiers;
import org.bouncycastle.asn1.x509.AccessDescription;
import org.bouncycastle.asn1.x509.AuthorityInformationAccess;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cert.ocsp.BasicOCSPResp;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.CertificateStatus;
import org.bouncycastle.cert.ocsp.OCSPException;
import org.bouncycastle.cert.ocsp.OCSPReqBuilder;
import org.bouncycastle.cert.ocsp.OCSPResp;
import org.bouncycastle.cert.ocsp.RevokedStatus;
import org.bouncycastle.cert.ocsp.SingleResp;
import org.bouncycastle.cert.ocsp.UnknownStatus;
import org.bouncycastle.operator.ContentVerifierProvider;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

import java.io.IOException;
import java.net.URI;
import java.security.PublicKey;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import java.util.Locale;
import java.util.Optional;

/**
 * OCSP (RFC 6960) on Bouncy Castle's classes: the responder URL of a certificate, the request, and the checks a
 * response must pass before its status counts. Pure; the time and the nonce are passed in.
 */
public final class OcspProtocol {

    /**
     * Clock difference tolerated between Turnstile and the responder for thisUpdate/nextUpdate (RFC 5019 §4 leaves it
     * to the client; five minutes is the usual Kerberos-style allowance).
     */
    static final Duration SKEW = Duration.ofMinutes(5);
    /** A response without nextUpdate must be this recent (RFC 6960 §4.2.2.1: then newer status is always available). */
    static final Duration MAX_AGE_WITHOUT_NEXT_UPDATE = Duration.ofMinutes(15);

    /** A request ready to POST, and what its response must match. */
    public record Request(byte[] der, CertificateID id, byte[] nonce) {
    }

    private OcspProtocol() {
    }

    /** The first http(s) OCSP responder URL of the certificate's Authority Information Access, if any. */
    public static Optional<URI> responderUrl(X509Certificate certificate) {
        byte[] ext = certificate.getExtensionValue(Extension.authorityInfoAccess.getId());
        if (ext == null) {
            return Optional.empty();
        }
        try {
            AuthorityInformationAccess aia = AuthorityInformationAccess.getInstance(
                    ASN1OctetString.getInstance(ext).getOctets());
            for (AccessDescription d : aia.getAccessDescriptions()) {
                GeneralName location = d.getAccessLocation();
                if (AccessDescription.id_ad_ocsp.equals(d.getAccessMethod())
                        && location.getTagNo() == GeneralName.uniformResourceIdentifier) {
                    URI uri = URI.create(location.getName().toString());
                    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
                    if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null) {
                        return Optional.of(uri);
                    }
                }
            }
        } catch (RuntimeException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    /**
     * A request for {@code certificate} issued by {@code issuer}, CertID with SHA-1 (RFC 5019 §2.1.1: what every
     * responder understands) and the nonce extension (RFC 8954: 1 to 32 octets; 16 here).
     */
    public static Request request(X509Certificate certificate, X509Certificate issuer, byte[] nonce) {
        try {
            CertificateID id = certificateId(certificate, issuer);
            OCSPReqBuilder builder = new OCSPReqBuilder().addRequest(id);
            builder.setRequestExtensions(new Extensions(new Extension(OCSPObjectIdentifiers.id_pkix_ocsp_nonce, false,
                    nonceValue(nonce))));
            return new Request(builder.build().getEncoded(), id, nonce.clone());
        } catch (OCSPException | IOException e) {
            throw new IllegalStateException("an OCSP request cannot be built", e);
        }
    }

    /** RFC 8954 §2.1: the extnValue of the nonce extension is the DER encoding of an OCTET STRING. */
    static DEROctetString nonceValue(byte[] nonce) {
        try {
            return new DEROctetString(new DEROctetString(nonce).getEncoded());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static CertificateID certificateId(X509Certificate certificate, X509Certificate issuer) {
        try {
            return new CertificateID(new JcaDigestCalculatorProviderBuilder().build().get(CertificateID.HASH_SHA1),
                    new JcaX509CertificateHolder(issuer), certificate.getSerialNumber());
        } catch (OperatorCreationException | OCSPException | CertificateEncodingException e) {
            throw new IllegalStateException("an OCSP certificate id cannot be computed", e);
        }
    }

    /**
     * The status the response gives for {@code request}, after RFC 6960 §3.2: the response is successful and basic,
     * signed by the issuer or by a responder certificate the issuer gave id-kp-OCSPSigning (§4.2.2.2), answers the
     * requested CertID, echoes the nonce if it carries one, and is fresh (thisUpdate not in the future, nextUpdate not
     * past, both within {@link #SKEW}). Anything else is {@link OcspVerdict.NoStatus}.
     */
    public static OcspVerdict verify(byte[] responseDer, Request request, X509Certificate issuer, Instant now) {
        BasicOCSPResp basic;
        try {
            OCSPResp resp = new OCSPResp(responseDer);
            if (resp.getStatus() != OCSPResp.SUCCESSFUL) {
                return new OcspVerdict.NoStatus("OCSP responder answered status " + resp.getStatus()
                        + " (RFC 6960 §4.2.1)");
            }
            if (!(resp.getResponseObject() instanceof BasicOCSPResp b)) {
                return new OcspVerdict.NoStatus("OCSP response is not a basic response");
            }
            basic = b;
        } catch (IOException | OCSPException | RuntimeException e) {
            return new OcspVerdict.NoStatus("OCSP response does not decode");
        }
        String signature = signatureProblem(basic, issuer, now);
        if (signature != null) {
            return new OcspVerdict.NoStatus(signature);
        }
        Extension nonce = basic.getExtension(OCSPObjectIdentifiers.id_pkix_ocsp_nonce);
        if (nonce != null) {
            if (!Arrays.equals(nonce.getExtnValue().getOctets(), nonceValue(request.nonce()).getOctets())) {
                return new OcspVerdict.NoStatus("OCSP response nonce does not match the request (replay?)");
            }
        }
        for (SingleResp single : basic.getResponses()) {
            if (!single.getCertID().equals(request.id())) {
                continue;
            }
            Instant thisUpdate = single.getThisUpdate().toInstant();
            Instant nextUpdate = single.getNextUpdate() == null ? null : single.getNextUpdate().toInstant();
            if (thisUpdate.isAfter(now.plus(SKEW))) {
                return new OcspVerdict.NoStatus("OCSP response thisUpdate " + thisUpdate + " is in the future");
            }
            if (nextUpdate != null && nextUpdate.isBefore(now.minus(SKEW))) {
                return new OcspVerdict.NoStatus("OCSP response is stale (nextUpdate " + nextUpdate + ")");
            }
            if (nextUpdate == null && thisUpdate.isBefore(now.minus(MAX_AGE_WITHOUT_NEXT_UPDATE))) {
                return new OcspVerdict.NoStatus("OCSP response is stale (thisUpdate " + thisUpdate
                        + ", no nextUpdate)");
            }
            CertificateStatus status = single.getCertStatus();
            if (status == CertificateStatus.GOOD) {
                return new OcspVerdict.Good(thisUpdate, nextUpdate);
            }
            if (status instanceof RevokedStatus revoked) {
                return new OcspVerdict.Revoked(revoked.getRevocationTime().toInstant(), nextUpdate);
            }
            if (status instanceof UnknownStatus) {
                return new OcspVerdict.NoStatus("OCSP responder does not know the certificate (status unknown)");
            }
            return new OcspVerdict.NoStatus("OCSP response has an unrecognised status");
        }
        return new OcspVerdict.NoStatus("OCSP response does not answer for the certificate asked about");
    }

    /** Null if the response is signed by the issuer or an authorised responder (RFC 6960 §4.2.2.2), else why not. */
    static String signatureProblem(BasicOCSPResp basic, X509Certificate issuer, Instant now) {
        if (signedBy(basic, issuer.getPublicKey())) {
            return null;
        }
        for (X509CertificateHolder responder : basic.getCerts()) {
            try {
                if (!responder.getIssuer().equals(new JcaX509CertificateHolder(issuer).getSubject())
                        || !responder.isSignatureValid(verifier(issuer.getPublicKey()))
                        || !responder.isValidOn(Date.from(now))) {
                    continue;
                }
                var eku = org.bouncycastle.asn1.x509.ExtendedKeyUsage.fromExtensions(responder.getExtensions());
                if (eku == null || !eku.hasKeyPurposeId(KeyPurposeId.id_kp_OCSPSigning)) {
                    continue;
                }
                PublicKey key = new org.bouncycastle.cert.jcajce.JcaX509CertificateConverter()
                        .getCertificate(responder).getPublicKey();
                if (signedBy(basic, key)) {
                    return null;
                }
            } catch (Exception e) {
                // a responder certificate that does not decode or verify is not an authorised responder
            }
        }
        return "OCSP response signature does not verify with the issuer or an authorised responder (id-kp-OCSPSigning)";
    }

    private static boolean signedBy(BasicOCSPResp basic, PublicKey key) {
        try {
            return basic.isSignatureValid(verifier(key));
        } catch (OCSPException | OperatorCreationException | RuntimeException e) {
            return false;
        }
    }

    private static ContentVerifierProvider verifier(PublicKey key) throws OperatorCreationException {
        return new JcaContentVerifierProviderBuilder().build(key);
    }
}
