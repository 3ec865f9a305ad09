package io.turnstile.pki;

import io.turnstile.platform.InvalidRequestException;
import io.turnstile.platform.SecretBox;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code setting.mist_nac.server_cert} (contract: org_setting_mist_nac_server_cert, fields {@code cert}, {@code key},
 * {@code password}) as stored: {@code cert} is the checked chain (PEM, leaf first), {@code key} the private key as
 * PKCS#8 sealed by {@link SecretBox}; the password only serves to decrypt the key at import and is not kept. Responses
 * show the key as {@link #MASK}; a body that sends the mask back keeps the stored key (so a GET-modify-PUT of
 * {@code mist_nac} does not drop the certificate). Without {@code server_cert} the org-CA-issued certificate is used.
 */
public final class ServerCertificateSetting {

    public static final String MIST_NAC = "mist_nac";
    public static final String SERVER_CERT = "server_cert";
    public static final String MASK = "********";

    private final SecretBox secretBox;

    public ServerCertificateSetting(SecretBox secretBox) {
        this.secretBox = secretBox;
    }

    /**
     * The changes with {@code mist_nac.server_cert} checked (see {@link ServerCertificateImport}) and its key sealed;
     * other fields untouched. An empty {@code server_cert} object means "none".
     *
     * @throws InvalidRequestException if the certificate is refused (nothing is stored then)
     */
    public Map<String, Object> sealIncoming(Map<String, Object> stored, Map<String, Object> changes, Instant now) {
        if (!(changes.get(MIST_NAC) instanceof Map<?, ?> nac) || !nac.containsKey(SERVER_CERT)) {
            return changes;
        }
        Map<String, Object> newNac = copy(nac);
        Object value = nac.get(SERVER_CERT);
        if (value == null || (value instanceof Map<?, ?> m && m.isEmpty())) {
            newNac.remove(SERVER_CERT);
        } else if (value instanceof Map<?, ?> given) {
            for (Object k : given.keySet()) {
                if (!"cert".equals(k) && !"key".equals(k) && !"password".equals(k)) {
                    throw new InvalidRequestException(ServerCertificateImport.FIELD + "." + k
                            + " is not a known field (known: cert, key, password)");
                }
            }
            String cert = text(given.get("cert"), "cert");
            String key = text(given.get("key"), "key");
            String password = text(given.get("password"), "password");
            CertifiedKey checked;
            if (MASK.equals(key)) {
                String sealed = storedSealedKey(stored).orElseThrow(() -> new InvalidRequestException(
                        ServerCertificateImport.FIELD + ".key: the mask " + MASK
                                + " stands for a stored key, but none is stored"));
                List<X509Certificate> chain = ServerCertificateImport.parseChain(cert);
                checked = ServerCertificateImport.validate(cert, Pem.privateKey(open(sealed, chain.get(0))), null, now);
            } else {
                checked = ServerCertificateImport.validate(cert, key, password, now);
            }
            Map<String, Object> storedCert = new LinkedHashMap<>();
            storedCert.put("cert", Pem.certificates(checked.chain()));
            storedCert.put("key", seal(checked.key()));
            newNac.put(SERVER_CERT, storedCert);
        } else {
            throw new InvalidRequestException(ServerCertificateImport.FIELD + " must be an object {cert, key, password}");
        }
        Map<String, Object> out = new LinkedHashMap<>(changes);
        out.put(MIST_NAC, newNac);
        return out;
    }

    /** A copy of the document with the sealed key replaced by {@link #MASK}, for responses and the audit log. */
    public static Map<String, Object> mask(Map<String, Object> document) {
        if (document == null || !(document.get(MIST_NAC) instanceof Map<?, ?> nac)
                || !(nac.get(SERVER_CERT) instanceof Map<?, ?> cert)) {
            return document;
        }
        Map<String, Object> maskedCert = copy(cert);
        if (maskedCert.containsKey("key")) {
            maskedCert.put("key", MASK);
        }
        maskedCert.remove("password");
        Map<String, Object> maskedNac = copy(nac);
        maskedNac.put(SERVER_CERT, maskedCert);
        Map<String, Object> out = new LinkedHashMap<>(document);
        out.put(MIST_NAC, maskedNac);
        return out;
    }

    /** The imported certificate of a stored document; empty if there is none (the org CA's default is used). */
    public Optional<CertifiedKey> imported(Map<String, Object> document) {
        Optional<String> sealed = storedSealedKey(document);
        if (sealed.isEmpty()) {
            return Optional.empty();
        }
        Map<?, ?> cert = (Map<?, ?>) ((Map<?, ?>) document.get(MIST_NAC)).get(SERVER_CERT);
        List<X509Certificate> chain = Pem.parseCertificates(String.valueOf(cert.get("cert")));
        if (chain.isEmpty()) {
            throw new IllegalStateException("the stored mist_nac.server_cert has no certificate");
        }
        return Optional.of(new CertifiedKey(open(sealed.get(), chain.get(0)), chain));
    }

    private static Optional<String> storedSealedKey(Map<String, Object> document) {
        if (document != null && document.get(MIST_NAC) instanceof Map<?, ?> nac
                && nac.get(SERVER_CERT) instanceof Map<?, ?> cert && cert.get("key") instanceof String key
                && key.startsWith(SecretBox.PREFIX)) {
            return Optional.of(key);
        }
        return Optional.empty();
    }

    private String seal(PrivateKey key) {
        byte[] pkcs8 = key.getEncoded();
        try {
            return secretBox.seal(pkcs8);
        } finally {
            Arrays.fill(pkcs8, (byte) 0);
        }
    }

    private PrivateKey open(String sealed, X509Certificate leaf) {
        byte[] pkcs8 = secretBox.openBytes(sealed);
        try {
            String alg = leaf.getPublicKey().getAlgorithm();
            return KeyFactory.getInstance("EdDSA".equals(alg) ? "Ed25519" : alg)
                    .generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the stored mist_nac.server_cert key does not decode");
        } finally {
            Arrays.fill(pkcs8, (byte) 0);
        }
    }

    private static String text(Object value, String field) {
        if (value == null) {
            return null;
        }
        if (!(value instanceof String s)) {
            throw new InvalidRequestException(ServerCertificateImport.FIELD + "." + field + " must be a string");
        }
        return s;
    }

    private static Map<String, Object> copy(Map<?, ?> map) {
        Map<String, Object> out = new LinkedHashMap<>();
        map.forEach((k, v) -> out.put(String.valueOf(k), v));
        return out;
    }
}
