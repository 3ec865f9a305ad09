package io.turnstile.pki;

import io.turnstile.platform.InvalidRequestException;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.openssl.PEMEncryptedKeyPair;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8DecryptorProviderBuilder;
import org.bouncycastle.openssl.jcajce.JcePEMDecryptorProviderBuilder;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;

/**
 * Checks a custom EAP server certificate ({@code setting.mist_nac.server_cert}: {@code cert} = PEM chain leaf first,
 * {@code key} = PEM private key, {@code password} if the key is encrypted) before it replaces the org-CA-issued one.
 * Every refusal is an {@link InvalidRequestException} naming the field and the problem, so the admin can fix it; the
 * caller stores nothing then and the old certificate stays in use.
 *
 * <p>Rules: the key decodes (PKCS#8, encrypted PKCS#8, or OpenSSL's traditional RSA/EC forms) and is the key of the
 * leaf; the chain is complete up to a self-signed root (each certificate's signature verifies with the next one's key:
 * a supplicant configured with the root as {@code ca_cert} can then build the path, RFC 5216 §5.3 leaves no room for
 * AIA fetching during EAP); every certificate is within its validity period; the leaf names no wildcard (supplicants
 * match the server name exactly, and Windows refuses wildcards for 802.1X); the leaf has the serverAuth extended key
 * usage (RFC 5280 §4.2.1.12; Windows and Android require it); keys and signatures meet the same minimum as client
 * certificates. Pure; the time is passed in. Messages never quote the key or the password.
 */
public final class ServerCertificateImport {

    static final String SERVER_AUTH = "1.3.6.1.5.5.7.3.1";
    static final String FIELD = "mist_nac.server_cert";
    /** Longest PEM text accepted per field: a chain of a few certificates and a key fit easily. */
    static final int MAX_PEM_CHARS = 64 * 1024;

    private ServerCertificateImport() {
    }

    /**
     * @param certPem  the chain, leaf first
     * @param keyPem   the private key of the leaf
     * @param password the key's password, or null/empty for an unencrypted key
     * @return the key and the chain, ready to present in EAP-TLS
     * @throws InvalidRequestException with a precise message if the import is refused
     */
    public static CertifiedKey validate(String certPem, String keyPem, String password, Instant now) {
        List<X509Certificate> chain = parseChain(certPem);
        PrivateKey key = parseKey(keyPem, password);
        X509Certificate leaf = chain.get(0);
        if (!keyMatches(key, leaf)) {
            throw refused("key does not match the certificate " + name(leaf));
        }
        for (int i = 0; i < chain.size(); i++) {
            X509Certificate c = chain.get(i);
            if (now.isAfter(c.getNotAfter().toInstant())) {
                throw refused("certificate " + name(c) + " expired at " + c.getNotAfter().toInstant());
            }
            if (now.isBefore(c.getNotBefore().toInstant())) {
                throw refused("certificate " + name(c) + " is not valid before " + c.getNotBefore().toInstant());
            }
            String weak = ClientCertificateValidator.weakness(c);
            if (weak != null) {
                throw refused(weak);
            }
        }
        checkChain(chain);
        String wildcard = wildcard(leaf);
        if (wildcard != null) {
            throw refused("wildcard name " + wildcard + " is not allowed for an EAP server certificate");
        }
        if (!hasServerAuth(leaf)) {
            throw refused("certificate " + name(leaf) + " has no serverAuth extended key usage");
        }
        return new CertifiedKey(key, chain);
    }

    static List<X509Certificate> parseChain(String certPem) {
        if (certPem == null || certPem.isBlank()) {
            throw refused("cert is required (PEM certificate chain, leaf first)");
        }
        if (certPem.length() > MAX_PEM_CHARS) {
            throw refused("cert is longer than " + MAX_PEM_CHARS + " characters");
        }
        List<X509Certificate> chain;
        try {
            chain = Pem.parseCertificates(certPem);
        } catch (PemException e) {
            throw refused("cert is not PEM: " + e.getMessage());
        }
        if (chain.isEmpty()) {
            throw refused("cert has no CERTIFICATE block");
        }
        return chain;
    }

    static PrivateKey parseKey(String keyPem, String password) {
        if (keyPem == null || keyPem.isBlank()) {
            throw refused("key is required (PEM private key)");
        }
        if (keyPem.length() > MAX_PEM_CHARS) {
            throw refused("key is longer than " + MAX_PEM_CHARS + " characters");
        }
        Object block = null;
        try (var parser = new PEMParser(new StringReader(keyPem))) {
            for (Object o = parser.readObject(); o != null; o = parser.readObject()) {
                if (o instanceof PrivateKeyInfo || o instanceof PEMKeyPair || o instanceof PKCS8EncryptedPrivateKeyInfo
                        || o instanceof PEMEncryptedKeyPair) {
                    block = o;
                    break;
                }
            }
        } catch (IOException | RuntimeException e) {
            // Not e.getMessage(): Bouncy Castle's messages can quote the offending input.
            throw refused("key is not PEM (" + e.getClass().getSimpleName() + ")");
        }
        if (block == null) {
            throw refused("key has no PRIVATE KEY block");
        }
        boolean encrypted = block instanceof PKCS8EncryptedPrivateKeyInfo || block instanceof PEMEncryptedKeyPair;
        boolean hasPassword = password != null && !password.isEmpty();
        if (encrypted && !hasPassword) {
            throw refused("key is encrypted and no password is given");
        }
        try {
            JcaPEMKeyConverter converter = new JcaPEMKeyConverter();
            if (block instanceof PrivateKeyInfo info) {
                return converter.getPrivateKey(info);
            }
            if (block instanceof PEMKeyPair pair) {
                return converter.getPrivateKey(pair.getPrivateKeyInfo());
            }
            // The provider instance stays private to this call: no global Security.addProvider.
            BouncyCastleProvider bc = new BouncyCastleProvider();
            if (block instanceof PKCS8EncryptedPrivateKeyInfo pkcs8) {
                return converter.getPrivateKey(pkcs8.decryptPrivateKeyInfo(
                        new JceOpenSSLPKCS8DecryptorProviderBuilder().setProvider(bc).build(password.toCharArray())));
            }
            PEMEncryptedKeyPair legacy = (PEMEncryptedKeyPair) block;
            return converter.getPrivateKey(legacy.decryptKeyPair(
                    new JcePEMDecryptorProviderBuilder().setProvider(bc).build(password.toCharArray()))
                    .getPrivateKeyInfo());
        } catch (Exception e) {
            throw refused(encrypted ? "key cannot be decrypted (wrong password?)" : "key does not decode");
        }
    }

    /** Proof of possession: a signature by the key verifies with the certificate's public key. */
    static boolean keyMatches(PrivateKey key, X509Certificate leaf) {
        String alg = switch (leaf.getPublicKey().getAlgorithm()) {
            case "RSA" -> "SHA256withRSA";
            case "EC" -> "SHA256withECDSA";
            case "Ed25519", "EdDSA" -> "Ed25519";
            default -> null;
        };
        if (alg == null) {
            return false;
        }
        try {
            byte[] probe = "turnstile server certificate import".getBytes(StandardCharsets.US_ASCII);
            Signature s = Signature.getInstance(alg);
            s.initSign(key);
            s.update(probe);
            byte[] sig = s.sign();
            Signature v = Signature.getInstance(alg);
            v.initVerify(leaf.getPublicKey());
            v.update(probe);
            return v.verify(sig);
        } catch (GeneralSecurityException | RuntimeException e) {
            return false;
        }
    }

    /** Each certificate is signed by the next; the last one is a self-signed root. */
    static void checkChain(List<X509Certificate> chain) {
        for (int i = 0; i < chain.size(); i++) {
            X509Certificate c = chain.get(i);
            boolean last = i == chain.size() - 1;
            X509Certificate issuer = last ? c : chain.get(i + 1);
            if (!c.getIssuerX500Principal().equals(issuer.getSubjectX500Principal())) {
                throw refused(last
                        ? "chain is incomplete: the issuer " + c.getIssuerX500Principal().getName() + " of " + name(c)
                        + " is missing (add the intermediate and root CA certificates after the server certificate)"
                        : "chain is out of order: " + name(c) + " is not issued by the next certificate "
                        + name(issuer));
            }
            try {
                c.verify(issuer.getPublicKey());
            } catch (GeneralSecurityException | RuntimeException e) {
                throw refused("chain is broken: the signature of " + name(c) + " does not verify with the key of "
                        + name(issuer));
            }
            if (c != issuer && issuer.getBasicConstraints() < 0) {
                throw refused("chain is broken: " + name(issuer) + " is not a CA certificate");
            }
        }
    }

    /** The first wildcard DNS name (SAN dNSName or subject CN) of the leaf, or null. */
    static String wildcard(X509Certificate leaf) {
        List<String> names = new ArrayList<>();
        try {
            Collection<List<?>> sans = leaf.getSubjectAlternativeNames();
            if (sans != null) {
                for (List<?> san : sans) {
                    if (Integer.valueOf(2).equals(san.get(0)) && san.get(1) instanceof String dns) {
                        names.add(dns);
                    }
                }
            }
        } catch (CertificateParsingException e) {
            throw refused("certificate " + name(leaf) + " has a subjectAltName that cannot be read");
        }
        try {
            for (Rdn rdn : new LdapName(leaf.getSubjectX500Principal().getName()).getRdns()) {
                if ("CN".equalsIgnoreCase(rdn.getType())) {
                    names.add(String.valueOf(rdn.getValue()));
                }
            }
        } catch (InvalidNameException e) {
            throw refused("certificate subject " + name(leaf) + " cannot be read");
        }
        return names.stream().filter(n -> n.contains("*")).findFirst().orElse(null);
    }

    static boolean hasServerAuth(X509Certificate leaf) {
        try {
            List<String> ekus = leaf.getExtendedKeyUsage();
            return ekus != null && ekus.contains(SERVER_AUTH);
        } catch (CertificateParsingException e) {
            return false;
        }
    }

    private static InvalidRequestException refused(String problem) {
        return new InvalidRequestException(FIELD + ": " + problem);
    }

    private static String name(X509Certificate c) {
        String n = c.getSubjectX500Principal().getName();
        return n.isEmpty() ? "(empty subject)" : n;
    }
}
