package io.turnstile.org;

import io.turnstile.nas.MxCluster;
import io.turnstile.persistence.nas.MxClusterEntity;
import io.turnstile.persistence.nas.MxClusterRepository;
import io.turnstile.persistence.org.OrgRepository;
import io.turnstile.persistence.org.OrgSettingEntity;
import io.turnstile.platform.JsonText;
import io.turnstile.platform.SecretBox;
import io.turnstile.platform.SecretFields;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.UserTransaction;

import java.util.Map;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Seals, once at start-up, the secrets that releases before sealing stored in clear: the secret fields of org setting
 * documents ({@link OrgSettingDocument#SECRETS}) and of mxcluster extra fields ({@link MxCluster#EXTRA_SECRETS}).
 * A SQL migration cannot do it (the key is not in the database). Each row is its own transaction: a row another
 * cluster node re-sealed meanwhile fails its optimistic check and is left to that node, without failing start-up.
 */
@Singleton
@Startup
@DependsOn("SchemaMigrator")
@TransactionManagement(TransactionManagementType.BEAN)
public class SecretsReseal {

    private static final Logger LOG = Logger.getLogger(SecretsReseal.class.getName());

    @PersistenceContext(unitName = "turnstile")
    EntityManager em;

    @Resource
    UserTransaction tx;

    @Inject
    SecretBox secretBox;

    @PostConstruct
    void resealClearSecrets() {
        int sealed = 0;
        for (OrgSettingEntity s : inTransaction(() -> new OrgRepository(em).settings())) {
            sealed += reseal(OrgSettingDocument.SECRETS, s.getDocument(), doc -> {
                OrgSettingEntity row = em.find(OrgSettingEntity.class, s.getOrgId());
                row.update(doc, row.getModified());
            });
        }
        for (MxClusterEntity c : inTransaction(() -> new MxClusterRepository(em).withExtra())) {
            sealed += reseal(MxCluster.EXTRA_SECRETS, c.getExtra(), doc ->
                    em.find(MxClusterEntity.class, c.getId()).setExtra(doc));
        }
        if (sealed > 0) {
            int n = sealed;
            LOG.info(() -> "Sealed the clear secrets of " + n + " stored documents");
        }
    }

    /** 1 if the document held a clear secret and was stored again sealed, else 0. */
    private int reseal(SecretFields fields, String json, Consumer<String> store) {
        Map<String, Object> document = JsonText.parseObject(json);
        boolean[] clear = {false};
        Map<String, Object> sealed = fields.map(document, s -> {
            if (SecretBox.isSealed(s)) {
                return s;
            }
            clear[0] = true;
            return secretBox.seal(s);
        });
        if (!clear[0]) {
            return 0;
        }
        try {
            inTransaction(() -> {
                store.accept(JsonText.write(sealed));
                return null;
            });
            return 1;
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "A stored document could not be re-sealed now (changed concurrently?); it is"
                    + " sealed at its next change or start-up: " + e.getClass().getSimpleName());
            return 0;
        }
    }

    private <T> T inTransaction(java.util.function.Supplier<T> work) {
        try {
            tx.begin();
            try {
                T result = work.get();
                tx.commit();
                return result;
            } catch (RuntimeException e) {
                tx.rollback();
                throw e;
            }
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("re-sealing transaction failed", e);
        }
    }
}
