package io.turnstile.pki;

import io.turnstile.audit.AuditTrail;
import io.turnstile.persistence.org.OrgRepository;
import io.turnstile.persistence.pki.NacCrlEntity;
import io.turnstile.persistence.pki.NacCrlRepository;
import io.turnstile.platform.InvalidRequestException;
import io.turnstile.platform.ResourceNotFoundException;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.io.ByteArrayInputStream;
import java.security.cert.CRLException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.logging.Logger;

/** {@link NacCrlService} on JPA; each change is announced as {@link PkiChanged}, so EAP trust reloads at once. */
@Stateless
public class NacCrlServiceBean implements NacCrlService {

    private static final Logger LOG = Logger.getLogger(NacCrlServiceBean.class.getName());
    static final int MAX_CRL_BYTES = 10 * 1024 * 1024;

    @PersistenceContext(unitName = "turnstile")
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    Event<PkiChanged> changed;

    @Inject
    AuditTrail audit;

    @Override
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<NacCrl> list(String orgId) {
        requireOrg(orgId);
        return new NacCrlRepository(em).forOrg(orgId).stream().map(NacCrlServiceBean::model).toList();
    }

    @Override
    public NacCrl importCrl(String orgId, byte[] file, String name) {
        requireOrg(orgId);
        if (file == null || file.length == 0) {
            throw new InvalidRequestException("the CRL file is empty");
        }
        if (file.length > MAX_CRL_BYTES) {
            throw new InvalidRequestException("the CRL file is larger than 10 MB");
        }
        X509CRL crl = parse(file).orElseThrow(() -> new InvalidRequestException(
                "the file is not a PEM or DER certificate revocation list"));
        String pem;
        try {
            pem = "-----BEGIN X509 CRL-----\n" + Base64.getMimeEncoder(64, new byte[]{'\n'})
                    .encodeToString(crl.getEncoded()) + "\n-----END X509 CRL-----\n";
        } catch (CRLException e) {
            throw new InvalidRequestException("the CRL cannot be encoded: " + e.getMessage());
        }
        String issuer = crl.getIssuerX500Principal().getName();
        NacCrlEntity row = new NacCrlEntity(UUID.randomUUID().toString(), orgId,
                name == null || name.isBlank() ? issuer : name.strip(), issuer, pem, crl.getThisUpdate().getTime(),
                crl.getNextUpdate() == null ? null : crl.getNextUpdate().getTime(), clock.millis());
        new NacCrlRepository(em).persist(row);
        changed.fire(new PkiChanged(orgId));
        LOG.info(() -> "Stored a CRL of " + issuer + " for organisation " + orgId);
        NacCrl created = model(row);
        audit.record(orgId, "Add NAC CRL " + created.name(), null, created);
        return created;
    }

    @Override
    public void delete(String orgId, String id) {
        requireOrg(orgId);
        NacCrlRepository repo = new NacCrlRepository(em);
        NacCrlEntity row = repo.find(orgId, id).orElseThrow(() -> new ResourceNotFoundException("CRL not found"));
        repo.remove(row);
        audit.record(orgId, "Delete NAC CRL " + row.getName(), model(row), null);
        changed.fire(new PkiChanged(orgId));
    }

    @Override
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<X509CRL> crls(String orgId) {
        List<X509CRL> out = new ArrayList<>();
        for (NacCrlEntity row : new NacCrlRepository(em).forOrg(orgId)) {
            parse(row.getCrlPem().getBytes(java.nio.charset.StandardCharsets.US_ASCII)).ifPresentOrElse(out::add,
                    () -> LOG.warning("CRL " + row.getId() + " of organisation " + orgId + " does not parse"));
        }
        return out;
    }

    /** The JDK's CertificateFactory reads PEM and DER CRLs alike. */
    static java.util.Optional<X509CRL> parse(byte[] file) {
        try {
            return java.util.Optional.of((X509CRL) CertificateFactory.getInstance("X.509")
                    .generateCRL(new ByteArrayInputStream(file)));
        } catch (CRLException | CertificateException | RuntimeException e) {
            return java.util.Optional.empty();
        }
    }

    private void requireOrg(String orgId) {
        if (new OrgRepository(em).findOrganisation(orgId).isEmpty()) {
            throw new ResourceNotFoundException("organisation not found");
        }
    }

    private static NacCrl model(NacCrlEntity e) {
        return new NacCrl(e.getId(), e.getOrgId(), e.getName(), e.getIssuer(), Instant.ofEpochMilli(e.getThisUpdate()),
                e.getNextUpdate() == null ? null : Instant.ofEpochMilli(e.getNextUpdate()),
                Instant.ofEpochMilli(e.getCreated()), Instant.ofEpochMilli(e.getModified()));
    }
}
