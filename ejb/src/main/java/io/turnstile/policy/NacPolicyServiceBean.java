package io.turnstile.policy;

import io.turnstile.audit.AuditTrail;
import io.turnstile.persistence.org.OrgRepository;
import io.turnstile.persistence.policy.NacPolicyRepository;
import io.turnstile.persistence.policy.NacRuleEntity;
import io.turnstile.persistence.policy.NacTagEntity;
import io.turnstile.platform.InvalidRequestException;
import io.turnstile.platform.JsonText;
import io.turnstile.platform.Paging;
import io.turnstile.platform.ResourceNotFoundException;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** See {@link NacPolicyService}. Every committed change fires {@link PolicyChanged}. */
@Stateless
public class NacPolicyServiceBean implements NacPolicyService {

    @PersistenceContext(unitName = "turnstile")
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    Event<PolicyChanged> changed;

    /** Every change and its audit line commit together. */
    @Inject
    AuditTrail audit;

    @Override
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public PolicyPage<NacTag> listTags(String orgId, String type, String name, String match, int limit, int page) {
        List<NacTag> all = tags(new NacPolicyRepository(em), orgId).stream()
                .filter(t -> type == null || t.type().contractName().equals(type))
                .filter(t -> name == null || t.name().equals(name))
                .filter(t -> match == null || (t.match() != null && t.match().contractName().equals(match)))
                .toList();
        return page(all, limit, page);
    }

    @Override
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public NacTag getTag(String orgId, String tagId) {
        return tag(new NacPolicyRepository(em).tag(orgId, tagId).orElseThrow(() -> notFound("nactag", tagId)));
    }

    @Override
    public NacTag createTag(String orgId, Map<String, Object> body) {
        requireOrg(orgId);
        NacPolicyRepository repo = new NacPolicyRepository(em);
        long now = clock.millis();
        long version = repo.lockAndBump(orgId, now);
        NacTag tag = PolicyDocuments.tag(body, null, UUID.randomUUID().toString(), orgId, now);
        List<NacTag> tags = new ArrayList<>(tags(repo, orgId));
        tags.add(tag);
        PolicyCompiler.compile(orgId, version, tags, rules(repo, orgId));
        NacTagEntity e = new NacTagEntity(tag.id(), orgId, now);
        store(e, tag);
        repo.persist(e);
        audit.record(orgId, "Add NAC Tag " + tag.name(), null, tag);
        changed.fire(new PolicyChanged(orgId));
        return tag;
    }

    @Override
    public NacTag updateTag(String orgId, String tagId, Map<String, Object> body) {
        NacPolicyRepository repo = new NacPolicyRepository(em);
        NacTagEntity e = repo.tag(orgId, tagId).orElseThrow(() -> notFound("nactag", tagId));
        long now = clock.millis();
        long version = repo.lockAndBump(orgId, now);
        NacTag before = tag(e);
        NacTag tag = PolicyDocuments.tag(body, before, tagId, orgId, now);
        List<NacTag> tags = tags(repo, orgId).stream().map(t -> t.id().equals(tagId) ? tag : t).toList();
        PolicyCompiler.compile(orgId, version, tags, rules(repo, orgId));
        store(e, tag);
        audit.record(orgId, "Update NAC Tag " + tag.name(), before, tag);
        changed.fire(new PolicyChanged(orgId));
        return tag;
    }

    @Override
    public void deleteTag(String orgId, String tagId) {
        NacPolicyRepository repo = new NacPolicyRepository(em);
        NacTagEntity e = repo.tag(orgId, tagId).orElseThrow(() -> notFound("nactag", tagId));
        repo.lockAndBump(orgId, clock.millis());
        List<String> users = rules(repo, orgId).stream()
                .filter(r -> r.applyTags().contains(tagId) || r.matching().nactags().contains(tagId)
                        || r.notMatching().nactags().contains(tagId))
                .map(NacRule::name).toList();
        if (!users.isEmpty()) {
            throw new InvalidRequestException("nactag '" + e.getName() + "' is used by nacrules " + users
                    + "; remove it from them first");
        }
        NacTag before = tag(e);
        repo.remove(e);
        audit.record(orgId, "Delete NAC Tag " + before.name(), before, null);
        changed.fire(new PolicyChanged(orgId));
    }

    @Override
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public PolicyPage<NacRule> listRules(String orgId, int limit, int page) {
        return page(rules(new NacPolicyRepository(em), orgId), limit, page);
    }

    @Override
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public NacRule getRule(String orgId, String ruleId) {
        return rule(new NacPolicyRepository(em).rule(orgId, ruleId).orElseThrow(() -> notFound("nacrule", ruleId)));
    }

    @Override
    public NacRule createRule(String orgId, Map<String, Object> body) {
        requireOrg(orgId);
        NacPolicyRepository repo = new NacPolicyRepository(em);
        long now = clock.millis();
        long version = repo.lockAndBump(orgId, now);
        NacRule rule = PolicyDocuments.rule(body, null, UUID.randomUUID().toString(), orgId, now);
        List<NacRule> rules = new ArrayList<>(rules(repo, orgId));
        rules.add(rule);
        PolicyCompiler.compile(orgId, version, tags(repo, orgId), rules);
        NacRuleEntity e = new NacRuleEntity(rule.id(), orgId, now);
        store(e, rule);
        repo.persist(e);
        audit.record(orgId, "Add NAC Rule " + rule.name(), null, rule);
        changed.fire(new PolicyChanged(orgId));
        return rule;
    }

    @Override
    public NacRule updateRule(String orgId, String ruleId, Map<String, Object> body) {
        NacPolicyRepository repo = new NacPolicyRepository(em);
        NacRuleEntity e = repo.rule(orgId, ruleId).orElseThrow(() -> notFound("nacrule", ruleId));
        long now = clock.millis();
        long version = repo.lockAndBump(orgId, now);
        NacRule before = rule(e);
        NacRule rule = PolicyDocuments.rule(body, before, ruleId, orgId, now);
        List<NacRule> rules = rules(repo, orgId).stream().map(r -> r.id().equals(ruleId) ? rule : r).toList();
        PolicyCompiler.compile(orgId, version, tags(repo, orgId), rules);
        store(e, rule);
        audit.record(orgId, "Update NAC Rule " + rule.name(), before, rule);
        changed.fire(new PolicyChanged(orgId));
        return rule;
    }

    @Override
    public void deleteRule(String orgId, String ruleId) {
        NacPolicyRepository repo = new NacPolicyRepository(em);
        NacRuleEntity e = repo.rule(orgId, ruleId).orElseThrow(() -> notFound("nacrule", ruleId));
        repo.lockAndBump(orgId, clock.millis());
        NacRule before = rule(e);
        repo.remove(e);
        audit.record(orgId, "Delete NAC Rule " + before.name(), before, null);
        changed.fire(new PolicyChanged(orgId));
    }

    /** Version first: a change committed between the reads then only makes the next check load again. */
    @Override
    public PolicySnapshot load(String orgId) {
        NacPolicyRepository repo = new NacPolicyRepository(em);
        long version = repo.version(orgId);
        List<NacRule> rules = rules(repo, orgId);
        if (rules.isEmpty()) {
            return PolicySnapshot.empty(orgId, version);
        }
        return PolicyCompiler.compile(orgId, version, tags(repo, orgId), rules);
    }

    @Override
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Map<String, Long> versions() {
        return new NacPolicyRepository(em).versions();
    }

    private void requireOrg(String orgId) {
        if (new OrgRepository(em).findOrganisation(orgId).isEmpty()) {
            throw new ResourceNotFoundException("organisation not found");
        }
    }

    private static ResourceNotFoundException notFound(String what, String id) {
        return new ResourceNotFoundException(what + " " + id + " not found");
    }

    private static <T> PolicyPage<T> page(List<T> all, int limit, int page) {
        int l = Math.max(0, Math.min(limit, Paging.MAX_LIMIT));
        int p = Math.max(1, page);
        long from = (long) (p - 1) * l;
        List<T> rows = from >= all.size() ? List.of() : all.subList((int) from, (int) Math.min(all.size(), from + l));
        return new PolicyPage<>(rows, all.size(), l, p);
    }

    private static List<NacTag> tags(NacPolicyRepository repo, String orgId) {
        return repo.tags(orgId).stream().map(NacPolicyServiceBean::tag).toList();
    }

    private static List<NacRule> rules(NacPolicyRepository repo, String orgId) {
        return repo.rules(orgId).stream().map(NacPolicyServiceBean::rule).toList();
    }

    /** Stored documents were validated when written; reading them back goes through the same code. */
    private static NacTag tag(NacTagEntity e) {
        NacTag t = PolicyDocuments.tag(JsonText.parseObject(e.getBody()), null, e.getId(), e.getOrgId(),
                e.getModifiedTime());
        return new NacTag(t.id(), t.orgId(), t.name(), t.type(), t.match(), t.values(), t.matchAll(), t.vlan(),
                t.egressVlanNames(), t.gbpTag(), t.radiusAttrs(), t.radiusVendorAttrs(), t.radiusGroup(),
                t.sessionTimeout(), t.usernameAttr(), t.nacportalId(), t.allowUsermacOverride(), e.getCreatedTime(),
                e.getModifiedTime());
    }

    private static NacRule rule(NacRuleEntity e) {
        NacRule r = PolicyDocuments.rule(JsonText.parseObject(e.getBody()), null, e.getId(), e.getOrgId(),
                e.getModifiedTime());
        return new NacRule(r.id(), r.orgId(), r.name(), r.order(), r.enabled(), r.action(), r.matching(),
                r.notMatching(), r.applyTags(), r.dryrun(), e.getCreatedTime(), e.getModifiedTime());
    }

    private static void store(NacTagEntity e, NacTag t) {
        e.set(t.name(), t.type().contractName(), t.match() == null ? null : t.match().contractName(),
                JsonText.write(PolicyDocuments.tagToMap(t)), t.modifiedTime());
    }

    private static void store(NacRuleEntity e, NacRule r) {
        e.set(r.name(), r.order(), r.enabled(), JsonText.write(PolicyDocuments.ruleToMap(r)), r.modifiedTime());
    }
}
