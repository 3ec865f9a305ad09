package io.turnstile.policy;

import io.turnstile.platform.InvalidRequestException;
import io.turnstile.radius.codec.RadiusAttribute;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Compiles an org's labels and rules into a {@link PolicySnapshot}, checking what a single document cannot: that every
 * label a rule names exists and has the right kind ({@code matching.nactags} and {@code not_matching.nactags} name
 * {@code match} labels, {@code apply_tags} name reply labels) and that a rule's reply labels do not conflict (two
 * different VLANs, roles, timeouts...). Run on every change before it is committed, and again when a node loads the
 * policy.
 */
public final class PolicyCompiler {

    /** Evaluation order: {@code order} ascending, then the older rule first, then by id so the order is total. */
    static final Comparator<NacRule> ORDER = Comparator.comparingInt(NacRule::order)
            .thenComparingLong(NacRule::createdTime).thenComparing(NacRule::id);

    private PolicyCompiler() {
    }

    public static PolicySnapshot compile(String orgId, long version, List<NacTag> tags, List<NacRule> rules) {
        Map<String, NacTag> byId = new HashMap<>();
        Map<String, ValueMatcher> matchers = new HashMap<>();
        for (NacTag t : tags) {
            byId.put(t.id(), t);
            if (t.type() == NacTagType.MATCH) {
                matchers.put(t.id(), ValueMatcher.compile(t.match(), t.values(), t.matchAll()));
            }
        }
        List<NacRule> sorted = new ArrayList<>(rules);
        sorted.sort(ORDER);
        List<CompiledRule> compiled = new ArrayList<>(sorted.size());
        boolean dryrun = false;
        for (NacRule r : sorted) {
            NacTag[] mustDefs = matchTags(r, "matching.nactags", r.matching().nactags(), byId);
            NacTag[] notDefs = matchTags(r, "not_matching.nactags", r.notMatching().nactags(), byId);
            compiled.add(new CompiledRule(r, r.matching().authType(), mask(r.matching().portTypes()),
                    r.matching().siteIds().toArray(String[]::new), mustDefs, matchersOf(mustDefs, matchers),
                    r.notMatching().authType(), mask(r.notMatching().portTypes()),
                    r.notMatching().siteIds().toArray(String[]::new), notDefs, matchersOf(notDefs, matchers),
                    applied(r, byId)));
            dryrun |= r.dryrun() && r.enabled();
        }
        return new PolicySnapshot(orgId, version, compiled, byId, dryrun);
    }

    private static NacTag[] matchTags(NacRule r, String field, List<String> ids, Map<String, NacTag> byId) {
        NacTag[] out = new NacTag[ids.size()];
        for (int i = 0; i < ids.size(); i++) {
            NacTag t = byId.get(ids.get(i));
            if (t == null) {
                throw new InvalidRequestException(where(r) + field + ": no nactag with id " + ids.get(i));
            }
            if (t.type() != NacTagType.MATCH) {
                throw new InvalidRequestException(where(r) + field + ": nactag '" + t.name() + "' is of type "
                        + t.type().contractName() + "; conditions need labels of type match");
            }
            out[i] = t;
        }
        return out;
    }

    private static ValueMatcher[] matchersOf(NacTag[] defs, Map<String, ValueMatcher> matchers) {
        ValueMatcher[] out = new ValueMatcher[defs.length];
        for (int i = 0; i < defs.length; i++) {
            out[i] = matchers.get(defs[i].id());
        }
        return out;
    }

    private static int mask(List<PortType> types) {
        int m = 0;
        for (PortType p : types) {
            m |= 1 << p.ordinal();
        }
        return m;
    }

    private static AppliedTags applied(NacRule r, Map<String, NacTag> byId) {
        if (r.applyTags().isEmpty()) {
            return AppliedTags.NONE;
        }
        NacTag vlan = null;
        NacTag role = null;
        NacTag name = null;
        NacTag timeout = null;
        NacTag gbp = null;
        NacTag portal = null;
        List<String> egress = new ArrayList<>();
        List<RadiusAttribute> attributes = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (String id : r.applyTags()) {
            NacTag t = byId.get(id);
            if (t == null) {
                throw new InvalidRequestException(where(r) + "apply_tags: no nactag with id " + id);
            }
            names.add(t.name());
            switch (t.type()) {
                case MATCH -> throw new InvalidRequestException(where(r) + "apply_tags: nactag '" + t.name()
                        + "' is a match label; apply_tags need reply labels (vlan, radius_attrs, ...)");
                case VLAN -> vlan = single(r, vlan, t, NacTag::vlan, "VLAN");
                case RADIUS_GROUP -> role = single(r, role, t, NacTag::radiusGroup, "radius_group (role)");
                case USERNAME_ATTR -> name = single(r, name, t, x -> x.usernameAttr().contractName(), "username_attr");
                case SESSION_TIMEOUT -> timeout = single(r, timeout, t, x -> x.sessionTimeout().toString(),
                        "session_timeout");
                case GBP_TAG -> gbp = single(r, gbp, t, NacTag::gbpTag, "gbp_tag");
                case REDIRECT_NACPORTAL_ID -> portal = single(r, portal, t, NacTag::nacportalId, "nacportal_id");
                case EGRESS_VLAN_NAMES -> egress.addAll(t.egressVlanNames());
                case RADIUS_ATTRS -> t.radiusAttrs().forEach(a -> attributes.add(
                        PolicyDocuments.parseAttribute("radius_attrs", a, false)));
                case RADIUS_VENDOR_ATTRS -> t.radiusVendorAttrs().forEach(a -> attributes.add(
                        PolicyDocuments.parseAttribute("radius_vendor_attrs", a, true)));
            }
        }
        ReplyExtras extras = new ReplyExtras(egress, timeout == null ? null : timeout.sessionTimeout(),
                gbp == null ? null : Integer.valueOf(gbp.gbpTag()), attributes,
                portal == null ? null : portal.nacportalId());
        return new AppliedTags(vlan == null ? null : vlan.vlan(), vlan != null && vlan.allowUsermacOverride(),
                role == null ? null : role.radiusGroup(), role != null && role.allowUsermacOverride(),
                name == null ? null : name.usernameAttr(), name != null && name.allowUsermacOverride(), extras, names);
    }

    /** One label of a kind per rule; the same value twice is harmless, two different values are a conflict. */
    private static NacTag single(NacRule r, NacTag previous, NacTag next, java.util.function.Function<NacTag, String> value,
                                 String what) {
        if (previous != null && !Objects.equals(value.apply(previous), value.apply(next))) {
            throw new InvalidRequestException(where(r) + "apply_tags: conflicting " + what + " labels '"
                    + previous.name() + "' (" + value.apply(previous) + ") and '" + next.name() + "' ("
                    + value.apply(next) + ")");
        }
        return previous == null ? next : previous;
    }

    private static String where(NacRule r) {
        return "nacrule '" + r.name() + "': ";
    }
}
