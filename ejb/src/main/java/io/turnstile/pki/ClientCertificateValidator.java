package io.turnstile.pki;

import io.turnstile.platform.NativeCrypto;
import io.turnstile.policy.CertificateFacts;

import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.cert.CertPath;
import java.security.cert.CertPathValidator;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.PKIXReason;
import java.security.cert.TrustAnchor;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Checks an EAP client's certificate chain: a path to a trusted CA (RFC 5280 §6, by the JDK's PKIX validator), dates,
 * revocation by CRL where the organisation has CRLs, key strength (RSA ≥ 2048, EC ≥ 256 bits), SHA-256 or better
 * signatures, and the clientAuth extended key usage (RFC 5216 §5.3 leaves the rules to the server; these are the
 * usual enterprise ones), and OCSP (RFC 6960) where the organisation enables it, for the leaf and each intermediate CA
 * that names a responder. Pure apart from the OCSP exchange; the time is passed in.
 */
public final class ClientCertificateValidator {

    static final int MIN_RSA_BITS = 2048;
    static final int MIN_EC_BITS = 256;
    static final String CLIENT_AUTH = "1.3.6.1.5.5.7.3.2";
    static final String ANY_EKU = "2.5.29.37.0";
    /**
     * The most certificates of one chain asked about online, each within the org's {@code timeout_ms}, so OCSP holds
     * a login up for at most 4 × timeout_ms; enterprise chains are a leaf under one or two intermediate CAs. Further
     * certificates that name a responder count as having no status (then {@code fail_open} decides).
     */
    static final int MAX_OCSP_CHECKS = 4;

    private ClientCertificateValidator() {
    }

    /**
     * @param chain      as the client sent it, leaf first
     * @param trustedCas the CAs a client certificate may chain to
     * @param crls       CRLs of those CAs (may be empty: then revocation is not checked)
     */
    public static CertificateValidation validate(List<X509Certificate> chain, List<X509Certificate> trustedCas,
                                                 List<X509CRL> crls, Instant now) {
        return validate(chain, trustedCas, crls, OcspCheck.OFF, now);
    }

    /**
     * As {@link #validate(List, List, List, Instant)}, then, for a chain that passed everything else, the online
     * status (RFC 6960) of each certificate of its path that names an OCSP responder: the leaf first, then each
     * intermediate CA up to, not including, the trust anchor (RFC 5280 §6.1: the anchor is not part of the path, and
     * its own status is the org's to know). Revoked (any of them) rejects; no usable answer rejects unless the org is
     * fail-open. At most {@link #MAX_OCSP_CHECKS} are asked.
     */
    public static CertificateValidation validate(List<X509Certificate> chain, List<X509Certificate> trustedCas,
                                                 List<X509CRL> crls, OcspCheck ocsp, Instant now) {
        CertificateValidation offline = validateOffline(chain, trustedCas, crls, now);
        if (!offline.valid() || ocsp == null) {
            return offline;
        }
        CertificateFacts facts = offline.facts();
        X509Certificate leaf = chain.get(0);
        int asked = 0;
        List<String> unavailable = new ArrayList<>();
        for (X509Certificate c : path(chain, trustedCas)) {
            if (!ocsp.asks(c)) {
                continue; // before issuerOf: PKIX has checked the signatures already, so no second check for nothing
            }
            X509Certificate issuer = issuerOf(c, chain, trustedCas);
            if (issuer == null) {
                continue;
            }
            String which = c == leaf ? "" : "intermediate CA " + name(c) + ": ";
            if (asked == MAX_OCSP_CHECKS) {
                unavailable.add(which + "not asked, more than " + MAX_OCSP_CHECKS
                        + " certificates of the chain name an OCSP responder");
                continue;
            }
            asked++;
            OcspVerdict verdict = ocsp.status(c, issuer).orElseThrow();
            if (verdict instanceof OcspVerdict.Revoked r) {
                return new CertificateValidation(CertificateValidation.Outcome.REVOKED,
                        (c == leaf ? "certificate " : "intermediate CA certificate ") + c.getSerialNumber().toString(16)
                                + " (" + name(c) + ") is revoked by its OCSP responder (revoked at " + r.revokedAt()
                                + ")", facts, CertificateValidation.OCSP_REVOKED, name(c));
            }
            if (verdict instanceof OcspVerdict.NoStatus n) {
                unavailable.add(which + n.reason());
            }
        }
        if (asked == 0) {
            return offline;
        }
        if (unavailable.isEmpty()) {
            return new CertificateValidation(CertificateValidation.Outcome.VALID, "client certificate is valid (OCSP good)",
                    facts, CertificateValidation.OCSP_GOOD);
        }
        String why = String.join("; ", unavailable);
        if (ocsp.settings().failOpen()) {
            return new CertificateValidation(CertificateValidation.Outcome.VALID,
                    "client certificate is valid; OCSP status unavailable (" + why + "), accepted: fail_open", facts,
                    CertificateValidation.OCSP_UNAVAILABLE);
        }
        return new CertificateValidation(CertificateValidation.Outcome.INVALID,
                "OCSP status unavailable (" + why + "), rejected: fail_open is false", facts,
                CertificateValidation.OCSP_UNAVAILABLE);
    }

    /**
     * The certification path of a chain as the client sent it (leaf first): its certificates less any trust anchor it
     * carries (RFC 5280 §6.1: anchors are not in the path).
     */
    static List<X509Certificate> path(List<X509Certificate> chain, List<X509Certificate> trustedCas) {
        List<X509Certificate> path = new ArrayList<>();
        for (X509Certificate c : chain) {
            if (!trustedCas.contains(c)) {
                path.add(c);
            }
        }
        return path;
    }

    /** The certificate that signed {@code c}: the next one of the chain or a trusted CA, by name and signature. */
    static X509Certificate issuerOf(X509Certificate c, List<X509Certificate> chain, List<X509Certificate> trustedCas) {
        List<X509Certificate> candidates = new ArrayList<>(chain);
        candidates.addAll(trustedCas);
        for (X509Certificate issuer : candidates) {
            if (issuer != c && issuer.getSubjectX500Principal().equals(c.getIssuerX500Principal())) {
                try {
                    NativeCrypto.verify(c, issuer.getPublicKey());
                    return issuer;
                } catch (GeneralSecurityException | RuntimeException e) {
                    // same name, other key (a renewed CA): keep looking
                }
            }
        }
        return null;
    }

    private static CertificateValidation validateOffline(List<X509Certificate> chain,
                                                         List<X509Certificate> trustedCas, List<X509CRL> crls,
                                                         Instant now) {
        if (chain == null || chain.isEmpty()) {
            return new CertificateValidation(CertificateValidation.Outcome.INVALID, "no client certificate", null);
        }
        X509Certificate leaf = chain.get(0);
        CertificateFacts facts = CertificateFactsReader.read(leaf);
        if (now.isAfter(leaf.getNotAfter().toInstant())) {
            return new CertificateValidation(CertificateValidation.Outcome.EXPIRED,
                    "client certificate expired at " + leaf.getNotAfter().toInstant(), facts);
        }
        if (now.isBefore(leaf.getNotBefore().toInstant())) {
            return invalid("client certificate is not valid before " + leaf.getNotBefore().toInstant(), facts);
        }
        for (X509Certificate c : chain) {
            String weak = weakness(c);
            if (weak != null) {
                return invalid(weak, facts);
            }
        }
        String usage = usageProblem(leaf);
        if (usage != null) {
            return invalid(usage, facts);
        }
        if (trustedCas == null || trustedCas.isEmpty()) {
            return invalid("no trusted client CA is configured", facts);
        }
        try {
            Set<TrustAnchor> anchors = new HashSet<>();
            for (X509Certificate ca : trustedCas) {
                anchors.add(new TrustAnchor(ca, null));
            }
            // The path excludes a trust anchor the client may have sent along.
            CertificateFactory cf = CertificateFactory.getInstance("X.509");
            CertPath certPath = cf.generateCertPath(path(chain, trustedCas));
            PKIXParameters params = new PKIXParameters(anchors);
            params.setDate(Date.from(now));
            // Revocation is checked below against the CRLs the organisation has; PKIX's own checker would refuse
            // every certificate of a CA without a CRL ("revocation status unknown").
            params.setRevocationEnabled(false);
            validatePath(certPath, params);
        } catch (CertPathValidatorException e) {
            if (e.getReason() == CertPathValidatorException.BasicReason.EXPIRED) {
                return new CertificateValidation(CertificateValidation.Outcome.EXPIRED,
                        "a certificate of the client's chain has expired", facts);
            }
            if (e.getReason() == PKIXReason.NO_TRUST_ANCHOR) {
                return invalid("client certificate is not issued by a trusted CA (issuer " + facts.issuer() + ")", facts);
            }
            return invalid("client certificate chain is not valid: " + e.getMessage(), facts);
        } catch (GeneralSecurityException e) {
            return invalid("client certificate chain cannot be checked: " + e.getMessage(), facts);
        }
        String revoked = revocation(chain, trustedCas, crls, now);
        if (revoked != null) {
            return new CertificateValidation(CertificateValidation.Outcome.REVOKED, revoked, facts);
        }
        return new CertificateValidation(CertificateValidation.Outcome.VALID, "client certificate is valid", facts);
    }

    /**
     * PKIX path validation (RFC 5280 §6.1) with the native provider's signature checks ({@link NativeCrypto}: ECDSA
     * P-256 verify 42 µs against the JDK's 816). A signature failure there may be an algorithm or key it lacks, so
     * that is retried on the JDK's providers, whose answer stands.
     */
    private static void validatePath(CertPath path, PKIXParameters params) throws GeneralSecurityException {
        if (NativeCrypto.provider().isPresent()) {
            PKIXParameters nativeParams = (PKIXParameters) params.clone();
            nativeParams.setSigProvider(NativeCrypto.provider().get().getName());
            try {
                CertPathValidator.getInstance("PKIX").validate(path, nativeParams);
                return;
            } catch (CertPathValidatorException e) {
                if (e.getReason() != CertPathValidatorException.BasicReason.INVALID_SIGNATURE
                        && e.getReason() != CertPathValidatorException.BasicReason.UNSPECIFIED) {
                    throw e;
                }
            }
        }
        CertPathValidator.getInstance("PKIX").validate(path, params);
    }

    /**
     * RFC 5280 §6.3, for the CRLs at hand: a certificate of the chain is revoked if a CRL of its issuer, signed by
     * that issuer's key, lists its serial. A CRL past its nextUpdate still counts (a revocation does not lapse).
     */
    static String revocation(List<X509Certificate> chain, List<X509Certificate> trustedCas, List<X509CRL> crls,
                             Instant now) {
        if (crls == null || crls.isEmpty()) {
            return null;
        }
        List<X509Certificate> issuers = new ArrayList<>(chain);
        issuers.addAll(trustedCas);
        for (X509Certificate c : chain) {
            for (X509CRL crl : crls) {
                if (!crl.getIssuerX500Principal().equals(c.getIssuerX500Principal()) || !crl.isRevoked(c)) {
                    continue;
                }
                for (X509Certificate issuer : issuers) {
                    if (issuer.getSubjectX500Principal().equals(crl.getIssuerX500Principal()) && signedBy(crl, issuer)) {
                        var entry = crl.getRevokedCertificate(c);
                        if (entry.getRevocationDate() == null || !entry.getRevocationDate().toInstant().isAfter(now)) {
                            return "certificate " + c.getSerialNumber().toString(16) + " (" + name(c)
                                    + ") is revoked by the CRL of " + crl.getIssuerX500Principal().getName();
                        }
                    }
                }
            }
        }
        return null;
    }

    private static boolean signedBy(X509CRL crl, X509Certificate issuer) {
        try {
            NativeCrypto.verify(crl, issuer.getPublicKey());
            return true;
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    private static CertificateValidation invalid(String reason, CertificateFacts facts) {
        return new CertificateValidation(CertificateValidation.Outcome.INVALID, reason, facts);
    }

    /** Key of at least 112-bit strength (NIST SP 800-57: RSA-2048, P-256) and no MD5/SHA-1 signature. */
    static String weakness(X509Certificate c) {
        PublicKey key = c.getPublicKey();
        if (key instanceof RSAPublicKey rsa && rsa.getModulus().bitLength() < MIN_RSA_BITS) {
            return "RSA key of " + rsa.getModulus().bitLength() + " bits in " + name(c) + " (at least 2048 required)";
        }
        if (key instanceof ECPublicKey ec && ec.getParams().getCurve().getField().getFieldSize() < MIN_EC_BITS) {
            return "EC key of " + ec.getParams().getCurve().getField().getFieldSize() + " bits in " + name(c)
                    + " (at least 256 required)";
        }
        if (!(key instanceof RSAPublicKey) && !(key instanceof ECPublicKey)
                && !"Ed25519".equals(key.getAlgorithm()) && !"EdDSA".equals(key.getAlgorithm())) {
            return key.getAlgorithm() + " keys are not accepted (" + name(c) + ")";
        }
        String sig = c.getSigAlgName().toUpperCase(Locale.ROOT);
        if (sig.contains("MD5") || sig.contains("MD2") || sig.startsWith("SHA1") || sig.contains("SHA1WITH")
                || sig.equals("SHA1WITHRSA")) {
            return "signature algorithm " + c.getSigAlgName() + " of " + name(c) + " is too weak (SHA-256 or better)";
        }
        return null;
    }

    /** RFC 5280 §4.2.1.12: with an EKU extension, the leaf must list clientAuth (or anyExtendedKeyUsage). */
    static String usageProblem(X509Certificate leaf) {
        try {
            List<String> ekus = leaf.getExtendedKeyUsage();
            if (ekus == null) {
                return "client certificate has no extended key usage (clientAuth required)";
            }
            if (!ekus.contains(CLIENT_AUTH) && !ekus.contains(ANY_EKU)) {
                return "client certificate is not for client authentication (no clientAuth extended key usage)";
            }
        } catch (java.security.cert.CertificateParsingException e) {
            return "client certificate's extended key usage cannot be read";
        }
        boolean[] keyUsage = leaf.getKeyUsage();
        if (keyUsage != null && !keyUsage[0]) {
            return "client certificate's key usage does not allow digitalSignature";
        }
        return null;
    }

    private static String name(X509Certificate c) {
        return c.getSubjectX500Principal().getName();
    }
}
