package io.turnstile.endpoints;

import io.turnstile.audit.AuditTrail;
import io.turnstile.persistence.endpoints.UsermacEntity;
import io.turnstile.persistence.endpoints.UsermacRepository;
import io.turnstile.platform.ResourceNotFoundException;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;

import java.io.InputStream;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The endpoints database on JPA. Validation and import parsing live in plain classes ({@link EndpointValidator},
 * {@link EndpointImport}); this bean loads, applies, stores and announces each change with {@link EndpointsChanged}
 * (the {@link CachedEndpointDirectory} drops the org's cached lookups once the transaction has committed).
 * <p>
 * Labels are stored apart from the usermac row (see {@link UsermacRepository}): a write first flushes the usermac
 * (which also turns a concurrent duplicate mac into a 400), then replaces the labels it carries.
 */
@Stateless
public class EndpointServiceBean implements EndpointService {

    /** Import rows written per flush; the persistence context is cleared after each so memory stays bounded. */
    static final int IMPORT_BATCH = 1000;

    /** SQLSTATE of a unique constraint violation (SQL standard; PostgreSQL and H2 use it). */
    private static final String UNIQUE_VIOLATION = "23505";

    /** The constraint on (org_id, mac) in migration V3; both databases name it in the violation message. */
    private static final String MAC_CONSTRAINT = "uq_usermac_org_mac";

    @PersistenceContext(unitName = "turnstile")
    EntityManager em;

    @Inject
    Event<EndpointsChanged> changed;

    @Inject
    Clock clock;

    @Inject
    AuditTrail audit;

    @Override
    public StoredEndpoint create(String orgId, EndpointFields fields) {
        EndpointFields valid = valid(fields, EndpointValidator.Mode.CREATE);
        UsermacRepository repository = repository();
        if (repository.macTaken(orgId, valid.mac(), null)) {
            throw macExists(valid.mac());
        }
        UsermacEntity usermac = new UsermacEntity(UUID.randomUUID().toString(), orgId, valid.mac(), clock.millis());
        EndpointMapping.apply(usermac, valid, usermac.getCreatedTime());
        repository.add(usermac);
        flush(repository, valid.mac());
        List<String> labels = valid.labels() == null ? List.of() : valid.labels();
        repository.addLabels(usermac, labels);
        changed.fire(new EndpointsChanged(orgId));
        StoredEndpoint created = EndpointMapping.toStored(usermac, labels);
        audit.record(orgId, "Add Usermac " + usermac.getMac(), null, created.endpoint());
        return created;
    }

    @Override
    public StoredEndpoint get(String orgId, String id) {
        UsermacRepository repository = repository();
        UsermacEntity usermac = existing(repository, orgId, id);
        return EndpointMapping.toStored(usermac, labelsOf(repository, usermac));
    }

    @Override
    public StoredEndpoint update(String orgId, String id, EndpointFields fields) {
        EndpointFields valid = valid(fields, EndpointValidator.Mode.UPDATE);
        UsermacRepository repository = repository();
        UsermacEntity usermac = existing(repository, orgId, id);
        StoredEndpoint before = EndpointMapping.toStored(usermac, labelsOf(repository, usermac));
        if (valid.mac() != null && !valid.mac().equals(usermac.getMac())
                && repository.macTaken(orgId, valid.mac(), id)) {
            throw macExists(valid.mac());
        }
        EndpointMapping.apply(usermac, valid, clock.millis());
        flush(repository, valid.mac());
        if (valid.labels() != null) {
            repository.setLabels(usermac, valid.labels());
        }
        changed.fire(new EndpointsChanged(orgId));
        StoredEndpoint after = EndpointMapping.toStored(usermac, valid.labels() != null ? valid.labels()
                : labelsOf(repository, usermac));
        audit.record(orgId, "Update Usermac " + usermac.getMac(), before.endpoint(), after.endpoint());
        return after;
    }

    @Override
    public void delete(String orgId, String id) {
        UsermacRepository repository = repository();
        UsermacEntity usermac = existing(repository, orgId, id);
        StoredEndpoint before = EndpointMapping.toStored(usermac, labelsOf(repository, usermac));
        repository.remove(usermac);
        changed.fire(new EndpointsChanged(orgId));
        audit.record(orgId, "Delete Usermac " + usermac.getMac(), before.endpoint(), null);
    }

    @Override
    public void deleteMany(String orgId, List<String> ids) {
        if (ids == null || ids.isEmpty()) {
            throw new InvalidEndpointException("usermac_ids is required: a list of usermac ids");
        }
        if (ids.size() > EndpointImport.MAX_ROWS) {
            throw new InvalidEndpointException("usermac_ids: at most " + EndpointImport.MAX_ROWS + " ids at once");
        }
        UsermacRepository repository = repository();
        Map<String, UsermacEntity> found = repository.findByIds(orgId, new HashSet<>(ids));
        found.values().forEach(repository::remove);
        changed.fire(new EndpointsChanged(orgId));
        audit.record(orgId, "Delete Usermacs (" + found.size() + ")", Map.of("macs",
                found.values().stream().map(UsermacEntity::getMac).sorted().toList()), null);
    }

    @Override
    public BulkUpdate updateMany(String orgId, List<EndpointFields> items) {
        if (items == null || items.isEmpty()) {
            throw new InvalidEndpointException("the body must be a non-empty JSON array of usermacs");
        }
        if (items.size() > EndpointImport.MAX_ROWS) {
            throw new InvalidEndpointException("at most " + EndpointImport.MAX_ROWS + " usermacs at once");
        }
        UsermacRepository repository = repository();
        Set<String> ids = new HashSet<>();
        Set<String> newMacs = new HashSet<>();
        for (EndpointFields item : items) {
            if (item != null && item.id() != null) {
                ids.add(item.id());
            }
            if (item != null) {
                MacAddress.parse(item.mac()).ifPresent(m -> newMacs.add(m.compact()));
            }
        }
        Map<String, UsermacEntity> byId = repository.findByIds(orgId, ids);
        Map<String, UsermacEntity> holders = repository.findByMacs(orgId, newMacs);

        List<String> updated = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        Map<UsermacEntity, List<String>> newLabels = new HashMap<>();
        Set<String> seenIds = new HashSet<>();
        Set<String> claimedMacs = new HashSet<>();
        long now = clock.millis();
        for (int i = 0; i < items.size(); i++) {
            EndpointFields item = items.get(i);
            String id = item == null ? null : item.id();
            if (id == null || id.isBlank()) {
                errors.add("item " + (i + 1) + " - id is required");
                continue;
            }
            if (!seenIds.add(id)) {
                errors.add(id + " - id already provided");
                continue;
            }
            UsermacEntity usermac = byId.get(id);
            if (usermac == null) {
                errors.add(id + " - invalid id");
                continue;
            }
            var result = EndpointValidator.validate(item, EndpointValidator.Mode.UPDATE);
            if (!result.valid()) {
                result.errors().forEach(e -> errors.add(id + " - " + e));
                continue;
            }
            String mac = result.fields().mac();
            if (mac != null && !mac.equals(usermac.getMac())) {
                // Conservative: a mac still held by another usermac (as stored) cannot be taken, even if that one
                // moves away in the same request.
                UsermacEntity holder = holders.get(mac);
                if ((holder != null && !holder.getId().equals(id)) || !claimedMacs.add(mac)) {
                    errors.add(id + " - mac " + mac + " already exists");
                    continue;
                }
            }
            EndpointMapping.apply(usermac, result.fields(), now);
            if (result.fields().labels() != null) {
                newLabels.put(usermac, result.fields().labels());
            }
            updated.add(id);
        }
        if (!updated.isEmpty()) {
            flush(repository, null);
            repository.clearLabels(newLabels.keySet().stream().map(UsermacEntity::getId).toList());
            newLabels.forEach(repository::addLabels);
            changed.fire(new EndpointsChanged(orgId));
            audit.record(orgId, "Update Usermacs (" + updated.size() + ")", null, Map.of("usermac_ids", updated));
        }
        return new BulkUpdate(updated, errors);
    }

    @Override
    public EndpointPage search(String orgId, EndpointQuery query) {
        UsermacRepository repository = repository();
        var page = repository.search(orgId, query.macContains(), query.labels(),
                EndpointMapping.orderField(query.sort()), query.descending(), query.offset(), query.limit());
        Map<String, List<String>> labels = repository.labelsOf(page.rows().stream().map(UsermacEntity::getId)
                .toList());
        return new EndpointPage(page.rows().stream()
                .map(u -> EndpointMapping.toStored(u, labels.getOrDefault(u.getId(), List.of())))
                .toList(), page.total(), query.limit(), query.page());
    }

    @Override
    public ImportReport importList(String orgId, List<EndpointFields> items) {
        return write(orgId, EndpointImport.fromList(items));
    }

    @Override
    public ImportReport importCsv(String orgId, InputStream csv) {
        return write(orgId, EndpointImport.fromCsv(csv));
    }

    /** Applies validated import rows: existing macs updated, new ones added, all in the caller's transaction. */
    private ImportReport write(String orgId, List<EndpointFields> rows) {
        UsermacRepository repository = repository();
        List<String> added = new ArrayList<>();
        List<String> updated = new ArrayList<>();
        long now = clock.millis();
        Map<String, String> idsByMac = repository.idsByMac(orgId);
        for (int from = 0; from < rows.size(); from += IMPORT_BATCH) {
            List<EndpointFields> batch = rows.subList(from, Math.min(from + IMPORT_BATCH, rows.size()));
            Map<String, UsermacEntity> existing = repository.findByIds(orgId, batch.stream()
                    .map(row -> idsByMac.get(row.mac())).filter(Objects::nonNull).toList());
            Map<UsermacEntity, List<String>> newLabels = new HashMap<>();
            List<String> relabelled = new ArrayList<>();
            for (EndpointFields row : batch) {
                String id = idsByMac.get(row.mac());
                UsermacEntity usermac = id == null ? null : existing.get(id);
                if (usermac == null) {
                    usermac = new UsermacEntity(UUID.randomUUID().toString(), orgId, row.mac(), now);
                    repository.add(usermac);
                    added.add(row.mac());
                } else {
                    updated.add(row.mac());
                    if (row.labels() != null) {
                        relabelled.add(usermac.getId());
                    }
                }
                EndpointMapping.apply(usermac, row, now);
                if (row.labels() != null) {
                    newLabels.put(usermac, row.labels());
                }
            }
            flush(repository, null);
            repository.clearLabels(relabelled);
            newLabels.forEach(repository::addLabels);
            repository.flushAndClear();
        }
        changed.fire(new EndpointsChanged(orgId));
        // Counts only: an import may carry 10,000 rows, too many for one log line to show usefully.
        audit.record(orgId, "Import Usermacs (" + added.size() + " added, " + updated.size() + " updated)", null,
                Map.of("added", added.size(), "updated", updated.size()));
        return new ImportReport(added, updated, List.of());
    }

    private UsermacRepository repository() {
        return new UsermacRepository(em);
    }

    private static UsermacEntity existing(UsermacRepository repository, String orgId, String id) {
        return repository.find(orgId, id).orElseThrow(() -> new ResourceNotFoundException("usermac " + id + " not found"));
    }

    private static List<String> labelsOf(UsermacRepository repository, UsermacEntity usermac) {
        return repository.labelsOf(List.of(usermac.getId())).getOrDefault(usermac.getId(), List.of());
    }

    private static EndpointFields valid(EndpointFields fields, EndpointValidator.Mode mode) {
        if (fields == null) {
            throw new InvalidEndpointException("the body must be a usermac object");
        }
        var result = EndpointValidator.validate(fields, mode);
        if (!result.valid()) {
            String subject = EndpointValidator.subject(fields);
            throw new InvalidEndpointException(result.errors().stream()
                    .map(e -> EndpointValidator.describe(subject, e))
                    .collect(Collectors.joining("; ")));
        }
        return result.fields();
    }

    /** Flushes so that a mac taken concurrently (unique constraint) is a 400, not a failed commit. */
    private static void flush(UsermacRepository repository, String mac) {
        try {
            repository.flush();
        } catch (PersistenceException e) {
            if (macTaken(e)) {
                throw mac == null
                        ? new InvalidEndpointException("a mac of this request was taken concurrently; retry")
                        : macExists(mac);
            }
            throw e;
        }
    }

    private static InvalidEndpointException macExists(String mac) {
        return new InvalidEndpointException(EndpointValidator.describe(mac, "mac already exists"));
    }

    /** The failure is the (org_id, mac) unique constraint: another transaction took the mac since we checked. */
    static boolean macTaken(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState()) && sql.getMessage() != null
                    && sql.getMessage().toLowerCase(Locale.ROOT).contains(MAC_CONSTRAINT)) {
                return true;
            }
        }
        return false;
    }
}
