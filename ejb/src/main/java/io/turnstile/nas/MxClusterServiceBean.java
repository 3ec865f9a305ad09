package io.turnstile.nas;

import io.turnstile.persistence.nas.MxClusterEntity;
import io.turnstile.persistence.nas.MxClusterRepository;
import io.turnstile.persistence.nas.NasClientEntity;
import io.turnstile.persistence.org.OrgRepository;
import io.turnstile.platform.InvalidRequestException;
import io.turnstile.platform.JsonText;
import io.turnstile.platform.Paging;
import io.turnstile.platform.ResourceNotFoundException;
import io.turnstile.audit.AuditTrail;
import io.turnstile.platform.SecretBox;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/** See {@link MxClusterService}. Every committed change fires {@link NasConfigChanged}. */
@Stateless
public class MxClusterServiceBean implements MxClusterService {

    @PersistenceContext(unitName = "turnstile")
    EntityManager em;

    @Inject
    SecretBox secretBox;

    @Inject
    Clock clock;

    @Inject
    Event<NasConfigChanged> changed;

    @Inject
    AuditTrail audit;

    @Override
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public MxClusterPage list(String orgId, int limit, int page) {
        int l = Math.max(0, Math.min(limit, Paging.MAX_LIMIT));
        int p = Math.max(1, page);
        MxClusterRepository repo = new MxClusterRepository(em);
        List<MxClusterEntity> rows = l == 0 ? List.of() : repo.list(orgId, (int) Math.min(Integer.MAX_VALUE,
                (long) (p - 1) * l), l);
        Map<String, List<NasClientEntity>> clients = repo.clientsOf(rows.stream().map(MxClusterEntity::getId).toList());
        List<MxCluster> out = rows.stream().map(c -> model(c, clients.getOrDefault(c.getId(), List.of()))).toList();
        return new MxClusterPage(out, repo.count(orgId), l, p);
    }

    @Override
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public MxCluster get(String orgId, String clusterId) {
        MxClusterRepository repo = new MxClusterRepository(em);
        MxClusterEntity c = find(repo, orgId, clusterId);
        return model(c, repo.clientsOf(List.of(c.getId())).getOrDefault(c.getId(), List.of()));
    }

    @Override
    public MxCluster create(String orgId, Map<String, Object> body) {
        if (new OrgRepository(em).findOrganisation(orgId).isEmpty()) {
            throw new ResourceNotFoundException("organisation not found");
        }
        MxClusterDraft draft = MxClusterValidator.validate(body, null);
        MxClusterRepository repo = new MxClusterRepository(em);
        MxClusterEntity entity = new MxClusterEntity(UUID.randomUUID().toString(), orgId, clock.millis());
        MxCluster created = store(repo, entity, draft, true);
        audit.record(orgId, "Add MxCluster " + created.name(), null, created);
        return created;
    }

    @Override
    public MxCluster update(String orgId, String clusterId, Map<String, Object> body) {
        MxClusterRepository repo = new MxClusterRepository(em);
        MxClusterEntity entity = find(repo, orgId, clusterId);
        MxCluster existing = model(entity, repo.clientsOf(List.of(clusterId)).getOrDefault(clusterId, List.of()));
        MxClusterDraft draft = MxClusterValidator.validate(body, existing);
        entity.setModified(clock.millis());
        MxCluster updated = store(repo, entity, draft, false);
        audit.record(orgId, "Update MxCluster " + updated.name(), existing, updated);
        return updated;
    }

    @Override
    public void delete(String orgId, String clusterId) {
        MxClusterRepository repo = new MxClusterRepository(em);
        MxClusterEntity entity = find(repo, orgId, clusterId);
        MxCluster before = model(entity, repo.clientsOf(List.of(clusterId)).getOrDefault(clusterId, List.of()));
        repo.delete(entity);
        changed.fire(new NasConfigChanged(orgId));
        audit.record(orgId, "Delete MxCluster " + before.name(), before, null);
    }

    private MxCluster store(MxClusterRepository repo, MxClusterEntity entity, MxClusterDraft draft, boolean isNew) {
        MistNac nac = draft.mistNac();
        Map<String, String> taken = repo.addressesTaken(entity.getOrgId(), nac.clientIps().keySet(), entity.getId());
        if (!taken.isEmpty()) {
            throw new InvalidRequestException("mist_nac.client_ips: " + taken.entrySet().stream()
                    .map(e -> e.getKey() + " is already a client of mxcluster " + e.getValue())
                    .collect(Collectors.joining("; ")));
        }
        entity.setName(draft.name());
        entity.setSiteId(draft.siteId());
        entity.setNacEnabled(nac.enabled());
        entity.setNacSecret(nac.secret() == null ? null : secretBox.seal(nac.secret()));
        entity.setAuthServerPort(nac.authServerPort());
        entity.setAcctServerPort(nac.acctServerPort());
        entity.setExtra(draft.extra().isEmpty() ? null
                : JsonText.write(MxCluster.EXTRA_SECRETS.map(draft.extra(), secretBox::seal)));
        if (isNew) {
            repo.persist(entity);
        }
        List<NasClientEntity> clients = new ArrayList<>();
        nac.clientIps().forEach((address, c) -> clients.add(new NasClientEntity(UUID.randomUUID().toString(),
                entity.getOrgId(), entity.getId(), address, c.secret() == null ? null : secretBox.seal(c.secret()),
                c.vendor(), c.siteId(), c.requireMessageAuthenticator())));
        try {
            repo.flush();
            repo.replaceClients(entity.getId(), clients);
            repo.flush();
        } catch (PersistenceException e) {
            // e.g. the (org_id, address) unique constraint, when another request took an address meanwhile
            throw new InvalidRequestException("the mxcluster cannot be stored: a client address is already taken"
                    + " by another mxcluster of the org, or the cluster was changed concurrently");
        }
        changed.fire(new NasConfigChanged(entity.getOrgId()));
        return new MxCluster(entity.getId(), entity.getOrgId(), draft.name(), draft.siteId(), nac, draft.extra(),
                Instant.ofEpochMilli(entity.getCreated()), Instant.ofEpochMilli(entity.getModified()));
    }

    private static MxClusterEntity find(MxClusterRepository repo, String orgId, String clusterId) {
        return repo.find(orgId, clusterId).orElseThrow(() -> new ResourceNotFoundException("mxcluster not found"));
    }

    /** The model of stored rows, secrets opened. */
    MxCluster model(MxClusterEntity c, List<NasClientEntity> clients) {
        return toModel(c, clients, secretBox);
    }

    static MxCluster toModel(MxClusterEntity c, List<NasClientEntity> clients, SecretBox box) {
        Map<String, NacClientIp> ips = new LinkedHashMap<>();
        for (NasClientEntity n : clients) {
            ips.put(n.getAddress(), new NacClientIp(n.getSecret() == null ? null : box.open(n.getSecret()),
                    n.getVendor(), n.getSiteId(), n.getRequireMessageAuthenticator()));
        }
        MistNac nac = new MistNac(c.isNacEnabled(), c.getNacSecret() == null ? null : box.open(c.getNacSecret()),
                c.getAuthServerPort(), c.getAcctServerPort(), ips);
        // A secret stored before secrets in extra were sealed is taken as is (and sealed at the next change).
        Map<String, Object> extra = c.getExtra() == null ? Map.of() : MxCluster.EXTRA_SECRETS.map(
                JsonText.parseObject(c.getExtra()), s -> SecretBox.isSealed(s) ? box.open(s) : s);
        return new MxCluster(c.getId(), c.getOrgId(), c.getName(), c.getSiteId(), nac, extra,
                Instant.ofEpochMilli(c.getCreated()), Instant.ofEpochMilli(c.getModified()));
    }
}
