package io.turnstile.pki;

import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.security.PrivateKey;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;

/**
 * PEM (RFC 7468) for certificates, private keys and certificate requests, on Bouncy Castle's {@link PEMParser} and
 * {@link JcaPEMWriter}. Conversions use the JDK's own providers: nothing is registered with {@code Security}.
 * Private keys are written as PKCS#8 ("PRIVATE KEY", RFC 7468 §10); PKCS#1 and SEC 1 keys are read too. Parse errors
 * never quote the input (it may be a key).
 */
public final class Pem {

    private Pem() {
    }

    /** One "CERTIFICATE" block. */
    public static String certificate(X509Certificate certificate) {
        return write(List.of(certificate));
    }

    /** "CERTIFICATE" blocks one after the other, in the order given (a chain: leaf first). */
    public static String certificates(List<X509Certificate> certificates) {
        return write(certificates);
    }

    /** An unencrypted PKCS#8 "PRIVATE KEY" block. Seal the result before storing it. */
    public static String privateKey(PrivateKey key) {
        try {
            return write(List.of(new JcaPKCS8Generator(key, null).generate()));
        } catch (org.bouncycastle.util.io.pem.PemGenerationException e) {
            throw new IllegalArgumentException("cannot encode a " + key.getAlgorithm() + " private key as PKCS#8");
        }
    }

    /** A "CERTIFICATE REQUEST" block (PKCS#10, RFC 2986). */
    public static String certificateRequest(PKCS10CertificationRequest request) {
        return write(List.of(request));
    }

    /** Every "CERTIFICATE" block of the text, in order; other blocks are skipped. */
    public static List<X509Certificate> parseCertificates(String pem) {
        List<X509Certificate> out = new ArrayList<>();
        var converter = new JcaX509CertificateConverter();
        for (Object o : read(pem)) {
            if (o instanceof X509CertificateHolder holder) {
                try {
                    out.add(converter.getCertificate(holder));
                } catch (CertificateException e) {
                    throw new PemException("a CERTIFICATE block is not a valid X.509 certificate", e);
                }
            }
        }
        return List.copyOf(out);
    }

    /** The first "CERTIFICATE" block of the text. */
    public static X509Certificate parseCertificate(String pem) {
        List<X509Certificate> all = parseCertificates(pem);
        if (all.isEmpty()) {
            throw new PemException("no CERTIFICATE block");
        }
        return all.get(0);
    }

    /** The first private key of the text: "PRIVATE KEY" (PKCS#8), "RSA PRIVATE KEY" or "EC PRIVATE KEY". */
    public static PrivateKey parsePrivateKey(String pem) {
        var converter = new JcaPEMKeyConverter();
        for (Object o : read(pem)) {
            try {
                if (o instanceof PrivateKeyInfo info) {
                    return converter.getPrivateKey(info);
                }
                if (o instanceof PEMKeyPair pair) {
                    // Not getKeyPair: an SEC 1 key may leave out its optional public key.
                    return converter.getPrivateKey(pair.getPrivateKeyInfo());
                }
            } catch (IOException e) {
                throw new PemException("a private key block does not decode");
            }
        }
        throw new PemException("no unencrypted PRIVATE KEY block");
    }

    /** The first "CERTIFICATE REQUEST" (or "NEW CERTIFICATE REQUEST") block of the text. */
    public static PKCS10CertificationRequest parseCertificateRequest(String pem) {
        for (Object o : read(pem)) {
            if (o instanceof PKCS10CertificationRequest request) {
                return request;
            }
        }
        throw new PemException("no CERTIFICATE REQUEST block");
    }

    private static List<Object> read(String pem) {
        if (pem == null || pem.isBlank()) {
            throw new PemException("no PEM text");
        }
        List<Object> out = new ArrayList<>();
        try (var parser = new PEMParser(new StringReader(pem))) {
            for (Object o = parser.readObject(); o != null; o = parser.readObject()) {
                out.add(o);
            }
        } catch (IOException | RuntimeException e) {
            // Not e.getMessage(): Bouncy Castle's messages can quote the offending input.
            throw new PemException("malformed PEM (" + e.getClass().getSimpleName() + ")");
        }
        return out;
    }

    private static String write(List<?> objects) {
        var text = new StringWriter();
        try (var writer = new JcaPEMWriter(text)) {
            for (Object o : objects) {
                writer.writeObject(o);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString();
    }
}
