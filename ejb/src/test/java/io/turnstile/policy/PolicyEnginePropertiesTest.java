package io.turnstile.policy;

import io.turnstile.endpoints.Endpoint;
import io.turnstile.endpoints.MacAddress;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The engine's decision equals a naive reference evaluation (written separately, with regular expressions and lists
 * instead of compiled matchers) for random labels, rules and requests.
 */
class PolicyEnginePropertiesTest {

    static final List<String> MACS = List.of("001788aabbcc", "001788000001", "1122aa000001", "1122ab000001",
            "aabbccddeeff");
    static final List<String> SSIDS = List.of("Corp", "Guest", "IoT");
    static final List<String> LABELS = List.of("printer", "it", "camera");
    static final List<String> REALMS = List.of("corp.example", "lab.corp.example", "other.org");
    static final List<AuthType> AUTHS = List.of(AuthType.MAB, AuthType.EAP_TLS, AuthType.EAP_TTLS);
    static final List<String> SITES = List.of("00000000-0000-4000-8000-0000000000a1",
            "00000000-0000-4000-8000-0000000000a2");

    /** A match label: kind, values, match_all. */
    record TagSpec(TagMatch match, List<String> values, boolean matchAll) {
    }

    /** A rule: conditions (indices into the label list), action, enabled, dryrun, order. */
    record RuleSpec(int order, boolean enabled, boolean dryrun, boolean block, AuthType auth, PortType port,
                    String site, List<Integer> tags, List<Integer> notTags, AuthType notAuth) {
    }

    record Request(String mac, PortType port, AuthType auth, String ssid, String realm, String site,
                   List<String> labels, boolean known) {
    }

    @Property(tries = 400)
    void engineAgreesWithNaiveReference(@ForAll("tags") List<TagSpec> tagSpecs, @ForAll("rules") List<RuleSpec> ruleSpecs,
                                        @ForAll("requests") Request req) {
        List<NacTag> tags = new ArrayList<>();
        for (int i = 0; i < tagSpecs.size(); i++) {
            TagSpec t = tagSpecs.get(i);
            tags.add(new NacTag("t" + i, PolicyFixtures.ORG, "t" + i, NacTagType.MATCH, t.match(), t.values(),
                    t.matchAll(), null, null, null, null, null, null, null, null, null, false, 0, 0));
        }
        List<NacRule> rules = new ArrayList<>();
        for (int i = 0; i < ruleSpecs.size(); i++) {
            RuleSpec r = ruleSpecs.get(i);
            List<String> must = r.tags().stream().filter(x -> x < tags.size()).map(x -> "t" + x).toList();
            List<String> not = r.notTags().stream().filter(x -> x < tags.size()).map(x -> "t" + x).toList();
            rules.add(new NacRule("r" + i, PolicyFixtures.ORG, "r" + i, r.order(), r.enabled(),
                    r.block() ? NacRule.Action.BLOCK : NacRule.Action.ALLOW,
                    new RuleConditions(r.auth(), r.port() == null ? List.of() : List.of(r.port()),
                            r.site() == null ? List.of() : List.of(r.site()), must),
                    new RuleConditions(r.notAuth(), List.of(), List.of(), not), List.of(), r.dryrun(), i, i));
        }
        MacAddress mac = new MacAddress(req.mac());
        AccessRequestFacts facts = new AccessRequestFacts(PolicyFixtures.ORG, req.site(), req.auth(), req.mac(), mac,
                "10.0.0.1", null, "generic", req.port(), req.ssid(), null, req.realm(), null, null, List.of(), null,
                null, null);
        Endpoint endpoint = req.known() ? new Endpoint("e", PolicyFixtures.ORG, req.mac(), "n", req.labels(), "10",
                null, null, null) : null;

        PolicyDecision d = PolicyEngine.decide(PolicyCompiler.compile(PolicyFixtures.ORG, 1, tags, rules), facts,
                endpoint);

        String expectedRule = reference(tags, rules, facts, endpoint);
        if (rules.isEmpty()) {
            assertEquals(req.auth() != AuthType.MAB || endpoint != null, d.allow());
            return;
        }
        assertEquals(expectedRule, d.nacruleId());
        boolean allow = expectedRule != null && rules.stream().filter(r -> r.id().equals(expectedRule)).findFirst()
                .orElseThrow().action() == NacRule.Action.ALLOW;
        assertEquals(allow, d.allow());
    }

    /** Sort, skip disabled and dry-run, test every condition literally. */
    static String reference(List<NacTag> tags, List<NacRule> rules, AccessRequestFacts f, Endpoint e) {
        List<NacRule> sorted = new ArrayList<>(rules);
        sorted.sort(Comparator.comparingInt(NacRule::order).thenComparingLong(NacRule::createdTime));
        for (NacRule r : sorted) {
            if (!r.enabled() || r.dryrun()) {
                continue;
            }
            RuleConditions m = r.matching();
            boolean ok = (m.authType() == null || m.authType() == f.authType())
                    && (m.portTypes().isEmpty() || m.portTypes().contains(f.portType()))
                    && (m.siteIds().isEmpty() || (f.siteId() != null && m.siteIds().contains(f.siteId())))
                    && m.nactags().stream().allMatch(id -> refMatch(tag(tags, id), f, e));
            RuleConditions n = r.notMatching();
            boolean excluded = (n.authType() != null && n.authType() == f.authType())
                    || n.nactags().stream().anyMatch(id -> refMatch(tag(tags, id), f, e));
            if (ok && !excluded) {
                return r.id();
            }
        }
        return null;
    }

    static NacTag tag(List<NacTag> tags, String id) {
        return tags.stream().filter(t -> t.id().equals(id)).findFirst().orElseThrow();
    }

    static boolean refMatch(NacTag t, AccessRequestFacts f, Endpoint e) {
        List<String> facts = switch (t.match()) {
            case CLIENT_MAC -> List.of(f.mac().compact());
            case SSID -> f.ssid() == null ? List.of() : List.of(f.ssid());
            case REALM -> f.realm() == null ? List.of() : List.of(f.realm());
            case USERMAC_LABEL -> e == null ? List.of() : e.labels();
            default -> throw new IllegalStateException();
        };
        List<String> values = new ArrayList<>();
        for (String v : t.values()) {
            if (t.match() == TagMatch.SSID) {
                values.addAll(List.of(v.split(",")));
            } else if (t.match() == TagMatch.CLIENT_MAC) {
                String hex = v.replaceAll("[:.\\-]", "").toLowerCase(Locale.ROOT);
                values.add(hex.length() == 6 ? hex + "*" : hex);
            } else {
                values.add(v);
            }
        }
        if (t.matchAll()) {
            return values.stream().allMatch(v -> facts.stream().anyMatch(x -> regex(v).matcher(x).matches()));
        }
        return values.stream().anyMatch(v -> facts.stream().anyMatch(x -> regex(v).matcher(x).matches()));
    }

    static Pattern regex(String glob) {
        StringBuilder b = new StringBuilder();
        for (String part : glob.split("\\*", -1)) {
            if (b.length() > 0) {
                b.append(".*");
            }
            b.append(Pattern.quote(part));
        }
        return Pattern.compile(b.toString(), Pattern.CASE_INSENSITIVE);
    }

    @Provide
    Arbitrary<List<TagSpec>> tags() {
        Arbitrary<TagSpec> mac = Arbitraries.of("00:17:88", "11-22-AA*", "001788aabbcc", "AA-BB-CC-DD-EE-FF")
                .list().ofMinSize(1).ofMaxSize(2).map(v -> new TagSpec(TagMatch.CLIENT_MAC, v, false));
        Arbitrary<TagSpec> ssid = Arbitraries.of("Corp", "corp,guest", "IoT", "G*")
                .list().ofMinSize(1).ofMaxSize(2).map(v -> new TagSpec(TagMatch.SSID, v, false));
        Arbitrary<TagSpec> realm = Arbitraries.of("corp.example", "*.corp.example", "*corp*")
                .list().ofMinSize(1).ofMaxSize(2).map(v -> new TagSpec(TagMatch.REALM, v, false));
        Arbitrary<TagSpec> label = Combinators.combine(Arbitraries.of("printer", "it", "camera", "PRINT*").list()
                .ofMinSize(1).ofMaxSize(3), Arbitraries.of(true, false))
                .as((v, all) -> new TagSpec(TagMatch.USERMAC_LABEL, v, all));
        return Arbitraries.oneOf(mac, ssid, realm, label).list().ofMaxSize(6);
    }

    @Provide
    Arbitrary<List<RuleSpec>> rules() {
        Arbitrary<AuthType> auth = Arbitraries.of(AUTHS).injectNull(0.6);
        Arbitrary<PortType> port = Arbitraries.of(PortType.WIRED, PortType.WIRELESS).injectNull(0.6);
        Arbitrary<String> site = Arbitraries.of(SITES).injectNull(0.7);
        Arbitrary<List<Integer>> tagRefs = Arbitraries.integers().between(0, 5).list().ofMaxSize(2);
        Arbitrary<RuleSpec> rule = Combinators.combine(Arbitraries.integers().between(0, 5),
                        Arbitraries.of(true, true, true, false), Arbitraries.of(false, false, false, true),
                        Arbitraries.of(true, false), auth, port, site, tagRefs)
                .as((order, enabled, dry, block, a, p, s, t) -> new RuleSpec(order, enabled, dry, block, a, p, s, t,
                        List.of(), null));
        return Combinators.combine(rule, tagRefs, Arbitraries.of(AUTHS).injectNull(0.8))
                .as((r, not, notAuth) -> new RuleSpec(r.order(), r.enabled(), r.dryrun(), r.block(), r.auth(),
                        r.port(), r.site(), r.tags(), not, notAuth))
                .list().ofMaxSize(8);
    }

    @Provide
    Arbitrary<Request> requests() {
        return Combinators.combine(Arbitraries.of(MACS), Arbitraries.of(PortType.WIRED, PortType.WIRELESS,
                        PortType.UNKNOWN), Arbitraries.of(AUTHS), Arbitraries.of(SSIDS).injectNull(0.2),
                Arbitraries.of(REALMS).injectNull(0.2), Arbitraries.of(SITES).injectNull(0.2),
                Arbitraries.of(LABELS).set().ofMaxSize(3).map(List::copyOf), Arbitraries.of(true, false))
                .as(Request::new);
    }
}
