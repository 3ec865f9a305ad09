package io.turnstile.pki;

import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.bouncycastle.pkcs.PKCSException;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequest;

import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;

/**
 * Checks a PKCS#10 certificate request (RFC 2986) before the CA signs its key: the PEM decodes, the request is signed
 * by the key it carries (proof of possession, RFC 2986 §3), and the key is RSA of at least {@value #MIN_RSA_BITS} bits
 * or EC on a curve of at least {@value #MIN_EC_BITS} bits. Only the public key is used: the subject and attributes of
 * the request are ignored (the CA names the certificate).
 */
public final class CertificateRequests {

    public static final int MIN_RSA_BITS = 2048;
    public static final int MIN_EC_BITS = 256;

    private CertificateRequests() {
    }

    /** The request's public key, if the request is acceptable. */
    public static PublicKey verifiedPublicKey(String csrPem) {
        PKCS10CertificationRequest request;
        try {
            request = Pem.parseCertificateRequest(csrPem);
        } catch (PemException e) {
            throw new InvalidCertificateRequestException("csr: " + e.getMessage());
        }
        PublicKey key;
        try {
            key = new JcaPKCS10CertificationRequest(request).getPublicKey();
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new InvalidCertificateRequestException("csr: unsupported or malformed public key");
        }
        checkStrength(key);
        try {
            if (!request.isSignatureValid(new JcaContentVerifierProviderBuilder().build(key))) {
                throw new InvalidCertificateRequestException("csr: the signature does not verify");
            }
        } catch (OperatorCreationException | PKCSException e) {
            throw new InvalidCertificateRequestException("csr: the signature cannot be verified");
        }
        return key;
    }

    /** RSA ≥ 2048 bits or EC ≥ 256 bits; anything else is refused. */
    public static void checkStrength(PublicKey key) {
        if (key instanceof RSAPublicKey rsa) {
            int bits = rsa.getModulus().bitLength();
            if (bits < MIN_RSA_BITS) {
                throw new InvalidCertificateRequestException("csr: RSA key of " + bits + " bits, at least "
                        + MIN_RSA_BITS + " required");
            }
        } else if (key instanceof ECPublicKey ec) {
            int bits = ec.getParams().getCurve().getField().getFieldSize();
            if (bits < MIN_EC_BITS) {
                throw new InvalidCertificateRequestException("csr: EC key of " + bits + " bits, at least "
                        + MIN_EC_BITS + " required");
            }
        } else {
            throw new InvalidCertificateRequestException("csr: " + key.getAlgorithm()
                    + " keys are not accepted (RSA or EC only)");
        }
    }
}
