package io.turnstile.nas;

import io.turnstile.persistence.nas.MxClusterEntity;
import io.turnstile.persistence.nas.MxClusterRepository;
import io.turnstile.persistence.nas.NasClientEntity;
import io.turnstile.platform.SecretBox;
import io.turnstile.radius.api.NasClient;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Asynchronous;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.LocalBean;
import jakarta.ejb.Schedule;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * {@link NasClientDirectory} backed by an immutable {@link NasClientTable} in an {@code AtomicReference}: reads never
 * lock or touch the database. The table is rebuilt from the database at start, after every committed change made on
 * this node ({@link NasConfigChanged}, observed AFTER_SUCCESS, rebuilt asynchronously), and every 30 s (changes made on
 * other cluster nodes). A failed rebuild keeps the previous table.
 */
@Singleton
// No-interface view as well (CDI observer methods of a session bean must be business methods, WELD-000088);
// with @LocalBean the interface view must then be declared explicitly.
@LocalBean
@jakarta.ejb.Local(NasClientDirectory.class)
@Startup
@DependsOn("SchemaMigrator")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class NasClientDirectoryBean implements NasClientDirectory {

    private static final Logger LOG = Logger.getLogger(NasClientDirectoryBean.class.getName());

    @PersistenceContext(unitName = "turnstile")
    EntityManager em;

    @Inject
    SecretBox secretBox;

    @Resource
    SessionContext context;

    private final AtomicReference<NasClientTable> table = new AtomicReference<>(NasClientTable.EMPTY);

    @PostConstruct
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void start() {
        rebuild();
    }

    @Override
    public Optional<NasClient> resolve(InetAddress source) {
        return table.get().resolve(source);
    }

    public void onChange(@Observes(during = TransactionPhase.AFTER_SUCCESS) NasConfigChanged event) {
        context.getBusinessObject(NasClientDirectoryBean.class).rebuildAsync();
    }

    @Asynchronous
    public void rebuildAsync() {
        rebuild();
    }

    @Schedule(second = "*/30", minute = "*", hour = "*", persistent = false)
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void periodicRebuild() {
        rebuild();
    }

    /** Reads the enabled clusters and their clients and swaps the table in. */
    void rebuild() {
        try {
            MxClusterRepository repo = new MxClusterRepository(em);
            List<MxClusterEntity> clusters = repo.nacEnabled();
            Map<String, List<NasClientEntity>> clients = repo.clientsOf(clusters.stream().map(MxClusterEntity::getId)
                    .toList());
            List<MxCluster> models = new ArrayList<>(clusters.size());
            for (MxClusterEntity c : clusters) {
                try {
                    models.add(MxClusterServiceBean.toModel(c, clients.getOrDefault(c.getId(), List.of()), secretBox));
                } catch (RuntimeException e) {
                    LOG.log(Level.SEVERE, "mxcluster " + c.getId() + " left out of the RADIUS client table: "
                            + e.getMessage());
                }
            }
            NasClientTable fresh = NasClientTable.fromClusters(models);
            NasClientTable old = table.getAndSet(fresh);
            if (old.size() != fresh.size()) {
                LOG.info(() -> "RADIUS client table: " + fresh.size() + " entries");
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "RADIUS client table rebuild failed; keeping the previous table", e);
        }
    }
}
