package io.turnstile.nas;

import io.turnstile.radius.api.NasClient;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NasClientTableTest {

    private static MxCluster cluster(String id, String orgId, boolean enabled, String secret, String siteId,
                                     Map<String, NacClientIp> clients) {
        return new MxCluster(id, orgId, "c-" + id, siteId, new MistNac(enabled, secret, null, null, clients), Map.of(),
                Instant.EPOCH, Instant.EPOCH);
    }

    private static NacClientIp client(String secret) {
        return new NacClientIp(secret, null, null, null);
    }

    private static Optional<NasClient> resolve(NasClientTable t, String ip) throws Exception {
        return t.resolve(InetAddress.getByName(ip));
    }

    private static String match(NasClientTable t, String ip) throws Exception {
        return resolve(t, ip).map(NasClient::match).orElse(null);
    }

    @Test
    void exactBeatsSubnetAndLongestPrefixWins() throws Exception {
        Map<String, NacClientIp> ips = new LinkedHashMap<>();
        ips.put("10.0.0.0/8", client(null));
        ips.put("10.1.0.0/16", client(null));
        ips.put("10.1.2.0/24", client(null));
        ips.put("10.1.2.3", client(null));
        ips.put("0.0.0.0/0", client(null));
        NasClientTable t = NasClientTable.fromClusters(List.of(cluster("c1", "o1", true, "s", null, ips)));
        assertEquals("10.1.2.3", match(t, "10.1.2.3"));
        assertEquals("10.1.2.0/24", match(t, "10.1.2.4"));
        assertEquals("10.1.0.0/16", match(t, "10.1.3.1"));
        assertEquals("10.0.0.0/8", match(t, "10.200.0.1"));
        assertEquals("0.0.0.0/0", match(t, "192.0.2.1"));
        assertEquals(5, t.size());
    }

    @Test
    void ipv6ExactAndSubnets() throws Exception {
        Map<String, NacClientIp> ips = new LinkedHashMap<>();
        ips.put("2001:db8::/32", client(null));
        ips.put("2001:db8:1::/48", client(null));
        ips.put("2001:db8:1::10", client(null));
        ips.put("2001:db8:1:0:8000::/65", client(null));
        ips.put("192.0.2.0/24", client(null));
        NasClientTable t = NasClientTable.fromClusters(List.of(cluster("c1", "o1", true, "s", null, ips)));
        assertEquals("2001:db8:1::10", match(t, "2001:db8:1:0:0:0:0:10"));
        assertEquals("2001:db8:1::/48", match(t, "2001:db8:1::11"));
        assertEquals("2001:db8:1:0:8000::/65", match(t, "2001:db8:1:0:8000::1"));
        assertEquals("2001:db8::/32", match(t, "2001:db8:ffff::1"));
        assertEquals(null, match(t, "2001:db9::1"));
        assertEquals(null, match(t, "10.0.0.1"));
        // an IPv4-mapped IPv6 source is an IPv4 source to Java, and matches the IPv4 entry
        assertEquals("192.0.2.0/24", match(t, "::ffff:192.0.2.7"));
    }

    @Test
    void disabledClustersAreIgnored() throws Exception {
        NasClientTable t = NasClientTable.fromClusters(List.of(
                cluster("off", "o1", false, "s", null, Map.of("10.0.0.1", client(null))),
                cluster("on", "o1", true, "s", null, Map.of("10.0.0.2", client(null)))));
        assertTrue(resolve(t, "10.0.0.1").isEmpty());
        assertEquals("on", resolve(t, "10.0.0.2").orElseThrow().clusterId());
    }

    @Test
    void perClientSecretOverridesTheClusterSecret() throws Exception {
        Map<String, NacClientIp> ips = new LinkedHashMap<>();
        ips.put("10.0.0.1", client("own-secret"));
        ips.put("10.0.0.2", client(null));
        NasClientTable t = NasClientTable.fromClusters(List.of(cluster("c1", "o1", true, "cluster-secret", null, ips)));
        assertArrayEquals("own-secret".getBytes(StandardCharsets.UTF_8), resolve(t, "10.0.0.1").orElseThrow().secret());
        assertArrayEquals("cluster-secret".getBytes(StandardCharsets.UTF_8),
                resolve(t, "10.0.0.2").orElseThrow().secret());
    }

    @Test
    void fillsDefaultsFromTheClusterAndTheSafeSide() throws Exception {
        String site = "441a1214-6928-442a-8e92-e1d34b8ec6a6";
        Map<String, NacClientIp> ips = new LinkedHashMap<>();
        ips.put("10.0.0.1", new NacClientIp(null, null, null, null));
        ips.put("10.0.0.2", new NacClientIp(null, "arista", "72771e6a-6f5e-4de4-a5b9-1266c4197811", false));
        NasClientTable t = NasClientTable.fromClusters(List.of(cluster("c1", "o1", true, "s", site, ips)));
        NasClient a = resolve(t, "10.0.0.1").orElseThrow();
        assertEquals("o1", a.orgId());
        assertEquals("generic", a.vendor());
        assertEquals(site, a.siteId());
        assertTrue(a.requireMessageAuthenticator(), "absent means required (BlastRADIUS)");
        NasClient b = resolve(t, "10.0.0.2").orElseThrow();
        assertEquals("arista", b.vendor());
        assertEquals("72771e6a-6f5e-4de4-a5b9-1266c4197811", b.siteId());
        assertFalse(b.requireMessageAuthenticator());
    }

    @Test
    void firstClusterWinsAConflictAcrossOrgs() throws Exception {
        NasClientTable t = NasClientTable.fromClusters(List.of(
                cluster("older", "o1", true, "s", null, Map.of("10.0.0.0/8", client(null), "10.0.0.1", client(null))),
                cluster("newer", "o2", true, "s", null, Map.of("10.0.0.0/8", client(null), "10.0.0.1", client(null)))));
        assertEquals("older", resolve(t, "10.0.0.1").orElseThrow().clusterId());
        assertEquals("older", resolve(t, "10.9.9.9").orElseThrow().clusterId());
    }

    @Test
    void clientsWithoutAnySecretAreLeftOut() throws Exception {
        NasClientTable t = NasClientTable.fromClusters(List.of(cluster("c1", "o1", true, null, null,
                Map.of("10.0.0.1", client(null)))));
        assertTrue(resolve(t, "10.0.0.1").isEmpty());
    }

    @Test
    void repeatedLookupsReturnTheSameOptional() throws Exception {
        NasClientTable t = NasClientTable.fromClusters(List.of(cluster("c1", "o1", true, "s", null,
                Map.of("10.0.0.1", client(null), "10.1.0.0/16", client(null)))));
        InetAddress exact = InetAddress.getByName("10.0.0.1");
        InetAddress sub = InetAddress.getByName("10.1.2.3");
        assertSame(t.resolve(exact), t.resolve(exact));
        assertSame(t.resolve(sub), t.resolve(sub));
        assertTrue(NasClientTable.EMPTY.resolve(exact).isEmpty());
    }
}
