package io.turnstile.pki;

import io.turnstile.persistence.org.OrgRepository;
import io.turnstile.persistence.org.OrganisationEntity;
import io.turnstile.persistence.pki.OrgCaEntity;
import io.turnstile.persistence.pki.OrgServerCertEntity;
import io.turnstile.persistence.pki.PkiRepository;
import jakarta.annotation.Resource;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;

import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/**
 * {@link PkiStorage} on JPA. Reads run without a transaction, so they return detached rows that reflect what is
 * committed (a reload after a lost race sees the winner's row, not a stale managed copy). Each write runs in its own
 * transaction (REQUIRES_NEW): a unique violation (SQLSTATE 23505) or a stale version rolls back only that write and
 * is answered with {@code false}.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class PkiStoreBean implements PkiStorage {

    /** SQLSTATE of a unique constraint violation (SQL standard; PostgreSQL and H2 use it). */
    static final String UNIQUE_VIOLATION = "23505";

    @PersistenceContext(unitName = "turnstile")
    EntityManager em;

    @Resource
    SessionContext context;

    @Override
    public List<String> organisationIds() {
        return new OrgRepository(em).organisations().stream().map(OrganisationEntity::getId).toList();
    }

    @Override
    public Optional<String> organisationName(String orgId) {
        return new OrgRepository(em).findOrganisation(orgId).map(OrganisationEntity::getName);
    }

    @Override
    public Optional<OrgCaEntity> findCa(String orgId) {
        return new PkiRepository(em).findCa(orgId);
    }

    @Override
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public boolean insertCa(OrgCaEntity ca) {
        return insert(ca);
    }

    @Override
    public Optional<OrgServerCertEntity> findServerCert(String orgId) {
        return new PkiRepository(em).findServerCert(orgId);
    }

    @Override
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public boolean insertServerCert(OrgServerCertEntity certificate) {
        return insert(certificate);
    }

    @Override
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public boolean replaceServerCert(String id, long expectedVersion, OrgServerCertEntity r) {
        OrgServerCertEntity row = em.find(OrgServerCertEntity.class, id);
        if (row == null || row.getVersion() != expectedVersion) {
            return false;
        }
        row.install(r.getCaId(), r.getServerName(), r.getSerial(), r.getCertPem(), r.getChainPem(), r.getKeySealed(),
                r.getNotBefore(), r.getNotAfter(), r.getModified());
        try {
            em.flush();
            return true;
        } catch (OptimisticLockException e) {
            context.setRollbackOnly();
            return false;
        }
    }

    private boolean insert(Object entity) {
        PkiRepository repository = new PkiRepository(em);
        repository.persist(entity);
        try {
            repository.flush();
            return true;
        } catch (PersistenceException e) {
            if (!isUniqueViolation(e)) {
                throw e;
            }
            context.setRollbackOnly();
            return false;
        }
    }

    static boolean isUniqueViolation(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }
}
