package io.turnstile.bench.policy;

import io.turnstile.endpoints.Endpoint;
import io.turnstile.endpoints.MacAddress;
import io.turnstile.policy.AccessRequestFacts;
import io.turnstile.policy.AuthType;
import io.turnstile.policy.CertificateFacts;
import io.turnstile.policy.NacRule;
import io.turnstile.policy.NacTag;
import io.turnstile.policy.PolicyCompiler;
import io.turnstile.policy.PolicyDecision;
import io.turnstile.policy.PolicyDocuments;
import io.turnstile.policy.PolicyEngine;
import io.turnstile.policy.PolicySnapshot;
import io.turnstile.policy.PortType;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

/**
 * Decision time of the auth policy engine at scale: 1,000 rules, 5,000 labels and 100,000 endpoints (the endpoint
 * lookup is a hash map, as the endpoint cache is when warm). Requests mix MAB (known and unknown MACs), EAP-TLS with
 * certificates and EAP-TTLS with directory groups; most of them walk a long way down the rule table before a rule
 * matches (or none does), which is the expensive case.
 *
 * <p>Run: {@code java -cp "bench/target/bench-0.1.0-SNAPSHOT.jar:bench/target/lib/*" org.openjdk.jmh.Main
 * PolicyDecisionBenchmark -prof gc}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(1)
public class PolicyDecisionBenchmark {

    static final String ORG = "00000000-0000-4000-8000-000000000001";
    static final int RULES = 1_000;
    static final int LABELS = 5_000;
    static final int ENDPOINTS = 100_000;
    static final int REQUESTS = 4_096;
    static final String[] SSIDS = {"Corp", "Corp-IoT", "Guest", "Lab", "Voice"};
    static final String[] GROUPS = {"Staff", "Contractors", "Admins", "Finance", "Students", "Faculty"};

    PolicySnapshot policy;
    Map<String, Endpoint> endpoints;
    AccessRequestFacts[] requests;
    int next;

    @Setup(Level.Trial)
    public void setUp() {
        SplittableRandom random = new SplittableRandom(42);
        endpoints = new HashMap<>(ENDPOINTS * 2);
        List<String> macs = new ArrayList<>(ENDPOINTS);
        for (int i = 0; i < ENDPOINTS; i++) {
            String mac = String.format(Locale.ROOT, "%06x%06x", random.nextInt(1 << 24), i);
            macs.add(mac);
            endpoints.put(mac, new Endpoint("e" + i, ORG, mac, "device-" + i, List.of("label-" + (i % 500)),
                    i % 3 == 0 ? Integer.toString(100 + i % 50) : null, null, "group-" + (i % 20), null));
        }
        List<NacTag> tags = new ArrayList<>(LABELS);
        List<String> matchIds = new ArrayList<>();
        List<String> replyIds = new ArrayList<>();
        for (int i = 0; i < LABELS; i++) {
            String id = "tag-" + i;
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("name", "tag " + i);
            if (i % 5 == 4) {
                body.put("type", "vlan");
                body.put("vlan", Integer.toString(10 + i % 4000));
                body.put("allow_usermac_override", i % 2 == 0);
                replyIds.add(id);
            } else {
                body.put("type", "match");
                switch (i % 8) {
                    case 0 -> put(body, "client_mac", List.of(macs.get(random.nextInt(ENDPOINTS)),
                            macs.get(random.nextInt(ENDPOINTS)), macs.get(random.nextInt(ENDPOINTS))));
                    case 1 -> put(body, "client_mac", List.of(String.format(Locale.ROOT, "%06x",
                            random.nextInt(1 << 24))));
                    case 2 -> put(body, "ssid", List.of("Site" + (i % 97) + "-WLAN," + (i % 40 == 2 ? SSIDS[i % SSIDS.length]
                            : "Site" + (i % 89) + "-Voice")));
                    case 3 -> put(body, "usermac_label", List.of("label-" + random.nextInt(500)));
                    case 4 -> put(body, "idp_role", List.of(i % 40 == 4 ? GROUPS[i % GROUPS.length] : "Group-" + (i % 300)));
                    case 5 -> put(body, "cert_cn", List.of("*.dept" + (i % 50) + ".corp.example"));
                    case 6 -> put(body, "realm", List.of("dept" + (i % 50) + ".corp.example"));
                    default -> put(body, "nas_ip", List.of("10." + (i % 200) + ".0.0/16"));
                }
                matchIds.add(id);
            }
            tags.add(PolicyDocuments.tag(body, null, id, ORG, 1));
        }
        List<NacRule> rules = new ArrayList<>(RULES);
        String[] auths = {"mab", "eap-tls", "eap-ttls", null};
        for (int i = 0; i < RULES; i++) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("name", "rule " + i);
            body.put("order", i);
            body.put("action", i % 10 == 9 ? "block" : "allow");
            Map<String, Object> matching = new LinkedHashMap<>();
            String auth = auths[i % auths.length];
            if (auth != null) {
                matching.put("auth_type", auth);
            }
            if (i % 3 == 0) {
                matching.put("port_types", List.of(i % 2 == 0 ? "wired" : "wireless"));
            }
            List<String> must = new ArrayList<>();
            for (int k = 0; k < 1 + i % 3; k++) {
                must.add(matchIds.get(random.nextInt(matchIds.size())));
            }
            matching.put("nactags", must);
            body.put("matching", matching);
            if (i % 7 == 0) {
                body.put("not_matching", Map.of("nactags", List.of(matchIds.get(random.nextInt(matchIds.size())))));
            }
            if (i % 10 != 9) {
                body.put("apply_tags", List.of(replyIds.get(random.nextInt(replyIds.size()))));
            }
            body.put("enabled", i % 50 != 0);
            rules.add(PolicyDocuments.rule(body, null, "rule-" + i, ORG, i));
        }
        policy = PolicyCompiler.compile(ORG, 1, tags, rules);

        requests = new AccessRequestFacts[REQUESTS];
        for (int i = 0; i < REQUESTS; i++) {
            String mac = i % 10 == 0 ? String.format(Locale.ROOT, "%012x", random.nextLong() & 0xffffffffffffL)
                    : macs.get(random.nextInt(ENDPOINTS));
            MacAddress m = new MacAddress(mac);
            PortType port = i % 2 == 0 ? PortType.WIRED : PortType.WIRELESS;
            String nasIp = "10." + random.nextInt(256) + "." + random.nextInt(256) + ".1";
            AccessRequestFacts f = new AccessRequestFacts(ORG, null, AuthType.MAB, mac, m, nasIp, "nas", "generic",
                    port, SSIDS[i % SSIDS.length], null);
            switch (i % 3) {
                case 1 -> f = f.withAuthType(AuthType.EAP_TLS).withCertificate(new CertificateFacts(
                        "host" + i + ".dept" + (i % 60) + ".corp.example", List.of(), List.of(), List.of(),
                        "0a" + i, "CN=Corp CA", "CN=host" + i, List.of("clientAuth"), null, null))
                        .withIdentity("host" + i, "dept" + (i % 60) + ".corp.example", List.of());
                case 2 -> f = f.withAuthType(AuthType.EAP_TTLS).withIdentity("user" + i + "@corp.example",
                        "dept" + (i % 60) + ".corp.example", List.of(GROUPS[i % GROUPS.length]));
                default -> {
                }
            }
            requests[i] = f;
        }
    }

    private static void put(Map<String, Object> body, String match, List<String> values) {
        body.put("match", match);
        body.put("values", values);
    }

    /** One decision: endpoint lookup and rule evaluation, as {@code RuleEngineAccessPolicy.decide} does it. */
    @Benchmark
    public PolicyDecision decide() {
        AccessRequestFacts f = requests[next++ & (REQUESTS - 1)];
        Endpoint e = endpoints.get(f.mac().compact());
        return PolicyEngine.decide(policy, f, e);
    }

    /** Where the decisions land, so the table is known to exercise both deep scans and early matches. */
    public static void main(String[] args) {
        PolicyDecisionBenchmark b = new PolicyDecisionBenchmark();
        b.setUp();
        Map<String, Integer> outcomes = new HashMap<>();
        long depth = 0;
        for (int i = 0; i < REQUESTS; i++) {
            PolicyDecision d = b.decide();
            String key = d.nacruleId() == null ? "no rule" : d.allow() ? "allow" : "block";
            outcomes.merge(key, 1, Integer::sum);
            depth += d.nacruleId() == null ? RULES : Integer.parseInt(d.nacruleId().substring(5)) + 1;
        }
        System.out.println(outcomes + ", rules evaluated per request on average: " + depth / REQUESTS);
        var threads = (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
        for (int kind = 0; kind < 3; kind++) {
            for (int round = 0; round < 20_000; round++) {
                PolicyEngine.decide(b.policy, b.requests[kind + 3 * (round % 1000)], null);
            }
            long before = threads.getCurrentThreadAllocatedBytes();
            for (int round = 0; round < 1000; round++) {
                AccessRequestFacts f = b.requests[kind + 3 * round];
                PolicyEngine.decide(b.policy, f, b.endpoints.get(f.mac().compact()));
            }
            System.out.println(new String[]{"mab", "eap-tls", "eap-ttls"}[kind] + ": "
                    + (threads.getCurrentThreadAllocatedBytes() - before) / 1000 + " bytes allocated per decision");
        }
    }
}
