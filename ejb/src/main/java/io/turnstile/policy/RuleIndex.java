package io.turnstile.policy;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Which rules a request can possibly match, so that evaluation skips most of a large rule table without testing it.
 * Each rule gets a <em>guard</em> when one of its {@code matching.nactags} labels compares a fact with exact values
 * (or MAC OUIs): the rule can only match when the request's fact is one of those values. A request looks its facts up
 * in the guard maps and gets the rules whose guard holds, plus every rule without a guard. The guard is a necessary
 * condition only; the candidates are still evaluated fully and in order, so decisions are unchanged.
 */
final class RuleIndex {

    static final RuleIndex EMPTY = new RuleIndex(0, new long[0], new EnumMap<>(TagMatch.class));

    private final int size;
    /** Rules without a guard: always candidates. */
    private final long[] unguarded;
    /** Per fact kind: index key → bit set of the rules guarded by it. */
    private final EnumMap<TagMatch, Map<String, long[]>> guards;
    private final TagMatch[] kinds;

    private RuleIndex(int size, long[] unguarded, EnumMap<TagMatch, Map<String, long[]>> guards) {
        this.size = size;
        this.unguarded = unguarded;
        this.guards = guards;
        this.kinds = guards.keySet().toArray(TagMatch[]::new);
    }

    static RuleIndex build(List<CompiledRule> rules) {
        int words = (rules.size() + 63) >>> 6;
        long[] unguarded = new long[words];
        EnumMap<TagMatch, Map<String, long[]>> guards = new EnumMap<>(TagMatch.class);
        for (int i = 0; i < rules.size(); i++) {
            List<String> keys = null;
            TagMatch kind = null;
            for (ValueMatcher m : rules.get(i).tags()) {
                List<String> k = m.indexKeys();
                if (k != null && (keys == null || k.size() < keys.size())) {
                    keys = k;
                    kind = m.match();
                }
            }
            if (keys == null) {
                unguarded[i >>> 6] |= 1L << i;
                continue;
            }
            Map<String, long[]> byKey = guards.computeIfAbsent(kind, x -> new HashMap<>());
            for (String key : keys) {
                byKey.computeIfAbsent(key, x -> new long[words])[i >>> 6] |= 1L << i;
            }
        }
        return new RuleIndex(rules.size(), unguarded, guards);
    }

    /** The candidate rules of a request, as a bit set over rule positions (a fresh array the caller may modify). */
    long[] candidates(RequestView v) {
        long[] out = unguarded.clone();
        for (TagMatch kind : kinds) {
            Map<String, long[]> byKey = guards.get(kind);
            switch (kind) {
                case CERT_EKU, CERT_SAN, IDP_ROLE, USERMAC_LABEL, USER_NAME -> {
                    for (String fact : v.multi(kind)) {
                        or(out, byKey.get(fact));
                    }
                }
                case NAS_IP, EDR_HEALTH -> {
                }
                default -> {
                    String fact = v.single(kind);
                    if (fact != null) {
                        or(out, byKey.get(fact));
                        if (kind == TagMatch.CLIENT_MAC && fact.length() == 12) {
                            or(out, byKey.get(ValueMatcher.ouiKey(fact)));
                        }
                    }
                }
            }
        }
        return out;
    }

    int size() {
        return size;
    }

    private static void or(long[] into, long[] bits) {
        if (bits != null) {
            for (int w = 0; w < into.length; w++) {
                into[w] |= bits[w];
            }
        }
    }

    /** For tests: how many rules have a guard. */
    int guarded() {
        int n = 0;
        for (int i = 0; i < size; i++) {
            if ((unguarded[i >>> 6] & (1L << i)) == 0) {
                n++;
            }
        }
        return n;
    }

    static List<String> keysOf(java.util.Collection<String> exact, String[] globs, TagMatch match) {
        List<String> keys = new ArrayList<>(exact);
        for (String g : globs) {
            // a MAC OUI ("001788*") is indexable by the request MAC's first six digits; other patterns are not
            if (match == TagMatch.CLIENT_MAC && g.length() == 7 && g.endsWith("*") && g.indexOf('*') == 6) {
                keys.add(ValueMatcher.ouiKey(g.substring(0, 6)));
            } else {
                return null;
            }
        }
        return keys;
    }
}
