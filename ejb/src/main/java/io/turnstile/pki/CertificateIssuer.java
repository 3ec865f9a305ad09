package io.turnstile.pki;

import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.RSAKeyGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The organisation PKI's certificate factory: makes an organisation's CA, the server certificate it issues (RadSec,
 * later EAP) and client certificates (RadSec peers, later SCEP/onboarding). Plain Java on the JDK's providers and
 * Bouncy Castle's builders, so it is tested without a container. Profiles follow RFC 5280 §4.2.1.
 *
 * <p><b>Key choice.</b> CA: RSA-3072 with SHA256withRSA rather than EC P-384. RSA-3072 gives 128-bit security (NIST
 * SP 800-57 Part 1 Table 2, adequate beyond 2030, matching the 10-year CA life), and RSA is what every RADIUS/EAP
 * peer accepts: EAP-TLS supplicants in older Android, Windows, printers and IoT stacks, and the TLS stacks of APs and
 * switches speaking RadSec, are still sometimes RSA-only, while an ECDSA CA would make every one of them depend on
 * ECDSA support. The server key is RSA-2048 (SHA256withRSA) for the same reason and because it is renewed every two
 * years.
 */
public final class CertificateIssuer {

    public static final int CA_KEY_BITS = 3072;
    public static final int SERVER_KEY_BITS = 2048;
    public static final String SIGNATURE_ALGORITHM = "SHA256withRSA";
    public static final int CA_VALIDITY_YEARS = 10;
    public static final int SERVER_VALIDITY_YEARS = 2;
    /** notBefore is set this far in the past, so a peer whose clock is a little behind accepts a new certificate. */
    public static final Duration BACKDATE = Duration.ofHours(1);
    /** ub-common-name and ub-organization-name (RFC 5280 Appendix A.1). */
    static final int MAX_NAME_LENGTH = 64;

    /** A DNS host name (RFC 1123 §2.1 labels); no wildcard. */
    private static final Pattern DNS_NAME = Pattern.compile(
            "(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)(\\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*");

    private final SecureRandom random;

    public CertificateIssuer(SecureRandom random) {
        this.random = random;
    }

    /**
     * A new organisation CA: self-signed, subject {@code CN=Turnstile <org name> CA, O=<org name>}, basicConstraints
     * CA:true pathLen 0 (critical; it issues end-entity certificates only), keyUsage keyCertSign+cRLSign (critical),
     * subject and authority key identifiers, valid {@value #CA_VALIDITY_YEARS} years.
     */
    public CertifiedKey createCa(String orgName, Instant now) {
        KeyPair keys = newRsaKeyPair(CA_KEY_BITS);
        String name = displayName(orgName);
        // Most significant first in the encoding (O, then CN), so the RFC 4514 string reads "CN=..., O=...".
        X500Name subject = new X500NameBuilder(BCStyle.INSTANCE)
                .addRDN(BCStyle.O, fit(name, MAX_NAME_LENGTH))
                .addRDN(BCStyle.CN, "Turnstile " + fit(name, MAX_NAME_LENGTH - "Turnstile  CA".length()) + " CA")
                .build();
        Instant notBefore = now.minus(BACKDATE);
        Instant notAfter = now.atOffset(ZoneOffset.UTC).plusYears(CA_VALIDITY_YEARS).toInstant();
        try {
            var ext = new JcaX509ExtensionUtils();
            var builder = new JcaX509v3CertificateBuilder(subject, serial(), Date.from(notBefore),
                    Date.from(notAfter), subject, keys.getPublic())
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(0))
                    .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign))
                    .addExtension(Extension.subjectKeyIdentifier, false,
                            ext.createSubjectKeyIdentifier(keys.getPublic()))
                    .addExtension(Extension.authorityKeyIdentifier, false,
                            ext.createAuthorityKeyIdentifier(keys.getPublic()));
            return new CertifiedKey(keys.getPrivate(), List.of(sign(builder, keys.getPrivate())));
        } catch (GeneralSecurityException | CertIOException e) {
            throw new IllegalStateException("cannot create the CA certificate", e);
        }
    }

    /**
     * A new server key and certificate issued by {@code ca}: RSA-2048, subject {@code CN=<serverName>, O=<CA's O>},
     * subjectAltName dNSName {@code serverName} (no wildcard), extKeyUsage serverAuth, keyUsage digitalSignature +
     * keyEncipherment (critical), basicConstraints CA:false (critical), valid {@value #SERVER_VALIDITY_YEARS} years but
     * never beyond the CA. The chain is [server, CA].
     */
    public CertifiedKey issueServerCertificate(CertifiedKey ca, String serverName, Instant now) {
        return issueServerCertificate(ca, serverName, now, ServerKeyType.RSA_2048);
    }

    /**
     * As {@link #issueServerCertificate(CertifiedKey, String, Instant)}, with a key of {@code keyType}. An EC key gets
     * keyUsage digitalSignature only: keyEncipherment is for RSA key transport (RFC 5280 §4.2.1.3, RFC 8422 §5.3).
     */
    public CertifiedKey issueServerCertificate(CertifiedKey ca, String serverName, Instant now, ServerKeyType keyType) {
        String dnsName = checkServerName(serverName);
        KeyPair keys = keyType == ServerKeyType.EC_P256 ? newP256KeyPair() : newRsaKeyPair(SERVER_KEY_BITS);
        int usage = KeyUsage.digitalSignature | (keyType == ServerKeyType.EC_P256 ? 0 : KeyUsage.keyEncipherment);
        Instant notAfter = now.atOffset(ZoneOffset.UTC).plusYears(SERVER_VALIDITY_YEARS).toInstant();
        X509Certificate certificate = issue(ca, endEntityName(ca, dnsName), keys.getPublic(), now, notAfter,
                usage, KeyPurposeId.id_kp_serverAuth,
                new GeneralNames(new GeneralName(GeneralName.dNSName, dnsName)));
        return new CertifiedKey(keys.getPrivate(), List.of(certificate, ca.certificate()));
    }

    /**
     * A client certificate for {@code publicKey} issued by {@code ca}: subject {@code CN=<commonName>, O=<CA's O>},
     * extKeyUsage clientAuth, keyUsage digitalSignature (plus keyEncipherment for an RSA key), basicConstraints
     * CA:false, valid for {@code validity} but never beyond the CA.
     */
    public X509Certificate issueClientCertificate(CertifiedKey ca, String commonName, PublicKey publicKey,
                                                  Instant now, Duration validity) {
        if (commonName == null || commonName.isBlank() || commonName.length() > MAX_NAME_LENGTH) {
            throw new IllegalArgumentException("common_name must have 1 to " + MAX_NAME_LENGTH + " characters");
        }
        if (validity == null || validity.isNegative() || validity.isZero()) {
            throw new IllegalArgumentException("validity must be positive");
        }
        int usage = KeyUsage.digitalSignature | (publicKey instanceof RSAPublicKey ? KeyUsage.keyEncipherment : 0);
        return issue(ca, endEntityName(ca, commonName.strip()), publicKey, now, now.plus(validity), usage,
                KeyPurposeId.id_kp_clientAuth, null);
    }

    /** The name as a host name for a server certificate: lower-case, a valid DNS name, no wildcard. */
    public static String checkServerName(String serverName) {
        String name = serverName == null ? "" : serverName.strip().toLowerCase(java.util.Locale.ROOT);
        if (name.endsWith(".")) {
            name = name.substring(0, name.length() - 1);
        }
        if (name.contains("*")) {
            throw new IllegalArgumentException("the server name must not be a wildcard: " + serverName);
        }
        if (!DNS_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("the server name is not a DNS host name: " + serverName);
        }
        return name;
    }

    KeyPair newP256KeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new java.security.spec.ECGenParameterSpec("secp256r1"), random);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("EC P-256 key generation is not available", e);
        }
    }

    KeyPair newRsaKeyPair(int bits) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(new RSAKeyGenParameterSpec(bits, RSAKeyGenParameterSpec.F4), random);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("RSA key generation is not available", e);
        }
    }

    private X509Certificate issue(CertifiedKey ca, X500Name subject, PublicKey publicKey, Instant now,
                                  Instant wantedNotAfter, int keyUsage, KeyPurposeId purpose, GeneralNames altNames) {
        X509Certificate caCert = ca.certificate();
        Instant notBefore = now.minus(BACKDATE);
        Instant caNotAfter = caCert.getNotAfter().toInstant();
        Instant notAfter = wantedNotAfter.isAfter(caNotAfter) ? caNotAfter : wantedNotAfter;
        if (!notAfter.isAfter(now)) {
            throw new IllegalStateException("the CA " + caCert.getSubjectX500Principal().getName() + " has expired");
        }
        try {
            var ext = new JcaX509ExtensionUtils();
            var builder = new JcaX509v3CertificateBuilder(caCert, serial(), Date.from(notBefore), Date.from(notAfter),
                    subject, publicKey)
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
                    .addExtension(Extension.keyUsage, true, new KeyUsage(keyUsage))
                    .addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(purpose))
                    .addExtension(Extension.subjectKeyIdentifier, false, ext.createSubjectKeyIdentifier(publicKey))
                    .addExtension(Extension.authorityKeyIdentifier, false, ext.createAuthorityKeyIdentifier(caCert));
            if (altNames != null) {
                // RFC 5280 §4.2.1.6: non-critical, as the subject DN is not empty.
                builder.addExtension(Extension.subjectAlternativeName, false, altNames);
            }
            return sign(builder, ca.key());
        } catch (GeneralSecurityException | CertIOException e) {
            throw new IllegalStateException("cannot issue a certificate", e);
        }
    }

    private X509Certificate sign(X509v3CertificateBuilder builder, PrivateKey signingKey)
            throws GeneralSecurityException {
        try {
            ContentSigner signer = new JcaContentSignerBuilder(signatureAlgorithm(signingKey))
                    .setSecureRandom(random).build(signingKey);
            return new JcaX509CertificateConverter().getCertificate(builder.build(signer));
        } catch (OperatorCreationException e) {
            throw new GeneralSecurityException("no signer for a " + signingKey.getAlgorithm() + " key", e);
        }
    }

    private static String signatureAlgorithm(PrivateKey key) {
        return switch (key.getAlgorithm()) {
            case "RSA" -> SIGNATURE_ALGORITHM;
            case "EC" -> "SHA384withECDSA";
            default -> throw new IllegalArgumentException("cannot sign with a " + key.getAlgorithm() + " key");
        };
    }

    /** {@code CN=<cn>, O=<the CA's O>}. */
    private static X500Name endEntityName(CertifiedKey ca, String commonName) {
        var builder = new X500NameBuilder(BCStyle.INSTANCE);
        RDN[] org = X500Name.getInstance(ca.certificate().getSubjectX500Principal().getEncoded()).getRDNs(BCStyle.O);
        if (org.length > 0) {
            builder.addRDN(BCStyle.O, org[0].getFirst().getValue());
        }
        return builder.addRDN(BCStyle.CN, fit(commonName, MAX_NAME_LENGTH)).build();
    }

    private static String displayName(String orgName) {
        return orgName == null || orgName.isBlank() ? "Organisation" : orgName.strip();
    }

    /** Cut to {@code max} characters (whole code points). */
    static String fit(String value, int max) {
        if (value.codePointCount(0, value.length()) <= max) {
            return value;
        }
        return value.substring(0, value.offsetByCodePoints(0, max));
    }

    /**
     * A positive random serial of up to 127 bits (RFC 5280 §4.1.2.2: at most 20 octets; CA/Browser Forum BR §7.1: at
     * least 64 random bits).
     */
    private BigInteger serial() {
        BigInteger serial;
        do {
            serial = new BigInteger(127, random);
        } while (serial.signum() == 0);
        return serial;
    }
}
