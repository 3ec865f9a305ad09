package io.turnstile.pki;

import io.turnstile.policy.CertificateFacts;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.ASN1String;
import org.bouncycastle.asn1.ASN1TaggedObject;

import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/** Reads the {@link CertificateFacts} policy and events use out of an X.509 certificate (RFC 5280). */
public final class CertificateFactsReader {

    /** Microsoft UPN otherName (used by Windows and Intune client certificates). */
    static final String UPN_OID = "1.3.6.1.4.1.311.20.2.3";
    /** Microsoft certificate template (v2) extension. */
    static final String TEMPLATE_OID = "1.3.6.1.4.1.311.21.7";
    private static final Map<String, String> EKU_NAMES = Map.of("1.3.6.1.5.5.7.3.1", "serverAuth",
            "1.3.6.1.5.5.7.3.2", "clientAuth", "1.3.6.1.5.5.7.3.4", "emailProtection",
            "1.3.6.1.4.1.311.20.2.2", "smartcardLogon");

    private CertificateFactsReader() {
    }

    public static CertificateFacts read(X509Certificate cert) {
        List<String> upn = new ArrayList<>();
        List<String> email = new ArrayList<>();
        List<String> dns = new ArrayList<>();
        try {
            Collection<List<?>> sans = cert.getSubjectAlternativeNames();
            if (sans != null) {
                for (List<?> san : sans) {
                    int kind = (Integer) san.get(0);
                    Object value = san.get(1);
                    switch (kind) {
                        case 1 -> email.add(String.valueOf(value));
                        case 2 -> dns.add(String.valueOf(value));
                        case 0 -> otherNameUpn(value).ifPresent(upn::add);
                        default -> {
                        }
                    }
                }
            }
        } catch (CertificateParsingException | RuntimeException e) {
            // A malformed SAN extension leaves the SAN lists empty; chain validation decides on trust.
        }
        List<String> ekus = new ArrayList<>();
        try {
            List<String> oids = cert.getExtendedKeyUsage();
            if (oids != null) {
                for (String oid : oids) {
                    ekus.add(oid);
                    if (EKU_NAMES.containsKey(oid)) {
                        ekus.add(EKU_NAMES.get(oid));
                    }
                }
            }
        } catch (CertificateParsingException e) {
            // Unreadable EKU: no EKU facts; the validator refuses the certificate for lack of clientAuth.
        }
        String subject = cert.getSubjectX500Principal().getName();
        return new CertificateFacts(X500Names.commonName(cert.getSubjectX500Principal()).orElse(null), upn, email, dns, cert.getSerialNumber().toString(16),
                cert.getIssuerX500Principal().getName(), subject, ekus, template(cert),
                cert.getNotAfter().toInstant());
    }

    /** RFC 5280 §4.2.1.6 otherName: {@code [0] { type-id OID, [0] EXPLICIT value }}; the JDK hands over its DER. */
    private static java.util.Optional<String> otherNameUpn(Object value) {
        if (!(value instanceof byte[] der)) {
            return java.util.Optional.empty();
        }
        try {
            ASN1Primitive p = ASN1Primitive.fromByteArray(der);
            if (p instanceof ASN1TaggedObject tagged) {
                p = tagged.getBaseObject().toASN1Primitive();
            }
            ASN1Sequence seq = ASN1Sequence.getInstance(p);
            if (!UPN_OID.equals(ASN1ObjectIdentifier.getInstance(seq.getObjectAt(0)).getId())) {
                return java.util.Optional.empty();
            }
            ASN1Encodable inner = seq.getObjectAt(1);
            while (inner instanceof ASN1TaggedObject t) {
                inner = t.getBaseObject();
            }
            return inner instanceof ASN1String s ? java.util.Optional.of(s.getString()) : java.util.Optional.empty();
        } catch (java.io.IOException | RuntimeException e) {
            return java.util.Optional.empty();
        }
    }

    private static String template(X509Certificate cert) {
        byte[] ext = cert.getExtensionValue(TEMPLATE_OID);
        if (ext == null) {
            return null;
        }
        try {
            ASN1Primitive octets = ASN1Primitive.fromByteArray(ext);
            ASN1Sequence seq = ASN1Sequence.getInstance(
                    org.bouncycastle.asn1.ASN1OctetString.getInstance(octets).getOctets());
            return ASN1ObjectIdentifier.getInstance(seq.getObjectAt(0)).getId();
        } catch (java.io.IOException | RuntimeException e) {
            return null;
        }
    }
}
