package io.turnstile.pki;

import io.turnstile.persistence.pki.OrgCaEntity;
import io.turnstile.persistence.pki.OrgServerCertEntity;
import io.turnstile.platform.InvalidRequestException;
import io.turnstile.platform.ResourceNotFoundException;
import io.turnstile.platform.SecretBox;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The organisation PKI in plain Java: the logic behind {@link OrgCertificateAuthorityBean}, on a {@link PkiStorage},
 * so it runs in tests without a container. Private keys are stored as PKCS#8 sealed by {@link SecretBox} and are never
 * logged. Concurrent creators (two cluster nodes starting at once) are settled by the storage: the loser's write is
 * refused by the unique {@code org_id} (or the version of the server certificate row), and it reloads the winner's row.
 */
public final class OrgPki implements OrgCertificateAuthority {

    private static final Logger LOG = Logger.getLogger(OrgPki.class.getName());

    private final PkiStorage storage;
    private final SecretBox secretBox;
    private final CertificateIssuer issuer;
    private final Clock clock;
    private final String serverName;
    private final ServerKeyType serverKeyType;
    private final Consumer<PkiChanged> changed;

    /**
     * @param serverName the DNS name of server certificates (see {@link ServerName})
     * @param changed    told of each CA or server certificate written by this instance
     */
    public OrgPki(PkiStorage storage, SecretBox secretBox, CertificateIssuer issuer, Clock clock, String serverName,
                  Consumer<PkiChanged> changed) {
        this(storage, secretBox, issuer, clock, serverName, ServerKeyType.RSA_2048, changed);
    }

    /** @param serverKeyType the key of server certificates; a stored certificate with another key is renewed */
    public OrgPki(PkiStorage storage, SecretBox secretBox, CertificateIssuer issuer, Clock clock, String serverName,
                  ServerKeyType serverKeyType, Consumer<PkiChanged> changed) {
        this.serverKeyType = serverKeyType;
        this.storage = storage;
        this.secretBox = secretBox;
        this.issuer = issuer;
        this.clock = clock;
        this.serverName = CertificateIssuer.checkServerName(serverName);
        this.changed = changed;
    }

    @Override
    public X509Certificate caCertificate(String orgId) {
        return Pem.parseCertificate(ensureCa(orgId).getCertPem());
    }

    @Override
    public List<OrgCa> organisationCas() {
        List<OrgCa> out = new ArrayList<>();
        for (String orgId : storage.organisationIds()) {
            out.add(new OrgCa(orgId, caCertificate(orgId)));
        }
        return out;
    }

    @Override
    public CertifiedKey serverCredentials(String orgId) {
        OrgCaEntity caRow = ensureCa(orgId);
        X509Certificate caCert = Pem.parseCertificate(caRow.getCertPem());
        Instant now = clock.instant();
        Optional<OrgServerCertEntity> current = storage.findServerCert(orgId);
        if (current.isPresent()) {
            OrgServerCertEntity row = current.get();
            X509Certificate cert = Pem.parseCertificate(row.getCertPem());
            Optional<String> reason = RenewalPolicy.renewalReason(cert, row.getServerName(), caCert, serverName,
                    serverKeyType, now);
            if (reason.isEmpty()) {
                return serverKey(row);
            }
            LOG.info(() -> "Renewing the server certificate of organisation " + orgId + ": " + reason.get());
        }
        CertifiedKey issued = issuer.issueServerCertificate(caKey(caRow), serverName, now, serverKeyType);
        X509Certificate cert = issued.certificate();
        OrgServerCertEntity values = new OrgServerCertEntity(UUID.randomUUID().toString(), orgId, now.toEpochMilli());
        values.install(caRow.getId(), serverName, serial(cert), Pem.certificate(cert), Pem.certificates(issued.chain()),
                seal(issued.key()), cert.getNotBefore().getTime(), cert.getNotAfter().getTime(), now.toEpochMilli());
        boolean written = current.isPresent()
                ? storage.replaceServerCert(current.get().getId(), current.get().getVersion(), values)
                : storage.insertServerCert(values);
        if (written) {
            LOG.info(() -> "Issued the server certificate " + serial(cert) + " for " + serverName + " of organisation "
                    + orgId + ", valid until " + cert.getNotAfter().toInstant());
            changed.accept(new PkiChanged(orgId));
            return issued;
        }
        LOG.fine(() -> "Another node wrote the server certificate of organisation " + orgId + " first; using it");
        return serverKey(storage.findServerCert(orgId).orElseThrow(() -> new IllegalStateException(
                "the server certificate of organisation " + orgId + " was neither written nor found")));
    }

    @Override
    public int ensureAll() {
        int failed = 0;
        for (String orgId : storage.organisationIds()) {
            try {
                serverCredentials(orgId);
            } catch (RuntimeException e) {
                failed++;
                LOG.log(Level.SEVERE, "The PKI of organisation " + orgId + " cannot be brought up to date", e);
            }
        }
        return failed;
    }

    @Override
    public X509Certificate issueClientCertificate(String orgId, String commonName, PublicKey publicKey,
                                                  Duration validity) {
        OrgCaEntity caRow = ensureCa(orgId);
        if (publicKey == null) {
            throw new InvalidRequestException("a public key is required");
        }
        CertificateRequests.checkStrength(publicKey);
        X509Certificate cert;
        try {
            cert = issuer.issueClientCertificate(caKey(caRow), commonName, publicKey, clock.instant(), validity);
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException(e.getMessage());
        }
        LOG.info(() -> "Issued the client certificate " + serial(cert) + " for " + cert.getSubjectX500Principal()
                .getName() + " of organisation " + orgId + ", valid until " + cert.getNotAfter().toInstant());
        return cert;
    }

    @Override
    public IssuedCertificate issueClientCertificate(String orgId, String commonName, String csrPem) {
        X509Certificate ca = caCertificate(orgId);
        PublicKey key = CertificateRequests.verifiedPublicKey(csrPem);
        String name = commonName;
        if (name == null || name.isBlank()) {
            name = requestCommonName(csrPem).orElseThrow(() -> new InvalidRequestException(
                    "common_name is required (the csr has no CN)"));
        }
        return new IssuedCertificate(issueClientCertificate(orgId, name, key, CSR_CLIENT_VALIDITY), ca);
    }

    /** The organisation's CA row, creating the CA if there is none. */
    OrgCaEntity ensureCa(String orgId) {
        Optional<OrgCaEntity> existing = storage.findCa(orgId);
        if (existing.isPresent()) {
            return existing.get();
        }
        String orgName = storage.organisationName(orgId)
                .orElseThrow(() -> new ResourceNotFoundException("organisation not found"));
        Instant now = clock.instant();
        CertifiedKey ca = issuer.createCa(orgName, now);
        X509Certificate cert = ca.certificate();
        OrgCaEntity row = new OrgCaEntity(UUID.randomUUID().toString(), orgId, cert.getSubjectX500Principal().getName(),
                serial(cert), Pem.certificate(cert), seal(ca.key()), cert.getNotBefore().getTime(),
                cert.getNotAfter().getTime(), now.toEpochMilli());
        if (storage.insertCa(row)) {
            LOG.info(() -> "Created the CA " + row.getSubject() + " (serial " + row.getSerial() + ") of organisation "
                    + orgId + ", valid until " + cert.getNotAfter().toInstant());
            changed.accept(new PkiChanged(orgId));
            return row;
        }
        LOG.fine(() -> "Another node created the CA of organisation " + orgId + " first; using it");
        return storage.findCa(orgId).orElseThrow(() -> new IllegalStateException(
                "the CA of organisation " + orgId + " was neither created nor found"));
    }

    private CertifiedKey caKey(OrgCaEntity row) {
        X509Certificate cert = Pem.parseCertificate(row.getCertPem());
        return new CertifiedKey(open(row.getKeySealed(), cert.getPublicKey()), List.of(cert));
    }

    private CertifiedKey serverKey(OrgServerCertEntity row) {
        List<X509Certificate> chain = Pem.parseCertificates(row.getChainPem());
        return new CertifiedKey(open(row.getKeySealed(), chain.get(0).getPublicKey()), chain);
    }

    private String seal(PrivateKey key) {
        byte[] pkcs8 = key.getEncoded();
        try {
            return secretBox.seal(pkcs8);
        } finally {
            Arrays.fill(pkcs8, (byte) 0);
        }
    }

    private PrivateKey open(String sealed, PublicKey publicKey) {
        byte[] pkcs8 = secretBox.openBytes(sealed);
        try {
            return KeyFactory.getInstance(publicKey.getAlgorithm()).generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("a stored " + publicKey.getAlgorithm() + " private key does not decode");
        } finally {
            Arrays.fill(pkcs8, (byte) 0);
        }
    }

    private static Optional<String> requestCommonName(String csrPem) {
        return X500Names.commonName(Pem.parseCertificateRequest(csrPem).getSubject()).filter(s -> !s.isBlank());
    }

    static String serial(X509Certificate certificate) {
        return certificate.getSerialNumber().toString(16);
    }
}
