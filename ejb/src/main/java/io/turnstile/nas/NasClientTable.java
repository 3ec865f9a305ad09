package io.turnstile.nas;

import io.turnstile.radius.api.NasClient;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * An immutable RADIUS client table: source address to {@link NasClient}. Exact addresses are in a {@code HashMap}
 * keyed by {@code InetAddress} (whose equals/hashCode look only at the address bytes, so the lookup uses the caller's
 * object and allocates nothing); subnets are in primitive arrays per address family, sorted by prefix length, longest
 * first, so the first match is the longest prefix. An exact entry wins over any subnet. Results are pre-built
 * {@code Optional}s: {@link #resolve} allocates at most the copy of the address bytes that a subnet lookup needs.
 *
 * <p>Built from the clusters: only clusters with {@code mist_nac.enabled} count; a client's own secret overrides the
 * cluster's; vendor defaults to "generic"; the site is the client's, else the cluster's; an absent
 * {@code require_message_authenticator} means true. If two orgs configure the same address, the older cluster (first
 * in the list) wins and the conflict is logged.
 */
public final class NasClientTable {

    private static final Logger LOG = Logger.getLogger(NasClientTable.class.getName());

    public static final NasClientTable EMPTY = build(List.of());

    private final Map<InetAddress, Optional<NasClient>> exact;
    private final int[] v4Network;
    private final int[] v4Mask;
    private final Optional<NasClient>[] v4Client;
    private final long[] v6Hi;
    private final long[] v6Lo;
    private final long[] v6MaskHi;
    private final long[] v6MaskLo;
    private final Optional<NasClient>[] v6Client;

    private record Subnet(IpPrefix prefix, Optional<NasClient> client) {
    }

    @SuppressWarnings("unchecked")
    private NasClientTable(Map<InetAddress, Optional<NasClient>> exact, List<Subnet> v4, List<Subnet> v6) {
        this.exact = exact;
        v4Network = new int[v4.size()];
        v4Mask = new int[v4.size()];
        v4Client = new Optional[v4.size()];
        for (int i = 0; i < v4.size(); i++) {
            IpPrefix p = v4.get(i).prefix();
            v4Network[i] = p.v4();
            v4Mask[i] = IpPrefix.v4Mask(p.prefixLength());
            v4Client[i] = v4.get(i).client();
        }
        v6Hi = new long[v6.size()];
        v6Lo = new long[v6.size()];
        v6MaskHi = new long[v6.size()];
        v6MaskLo = new long[v6.size()];
        v6Client = new Optional[v6.size()];
        for (int i = 0; i < v6.size(); i++) {
            IpPrefix p = v6.get(i).prefix();
            v6Hi[i] = p.hi();
            v6Lo[i] = p.lo();
            v6MaskHi[i] = IpPrefix.v6MaskHi(p.prefixLength());
            v6MaskLo[i] = IpPrefix.v6MaskLo(p.prefixLength());
            v6Client[i] = v6.get(i).client();
        }
    }

    /** The client for a source address: the exact entry, else the longest matching subnet. */
    public Optional<NasClient> resolve(InetAddress source) {
        Optional<NasClient> hit = exact.get(source);
        if (hit != null) {
            return hit;
        }
        if (source instanceof Inet4Address) {
            if (v4Network.length == 0) {
                return Optional.empty();
            }
            byte[] b = source.getAddress();
            int a = ((b[0] & 0xff) << 24) | ((b[1] & 0xff) << 16) | ((b[2] & 0xff) << 8) | (b[3] & 0xff);
            for (int i = 0; i < v4Network.length; i++) {
                if ((a & v4Mask[i]) == v4Network[i]) {
                    return v4Client[i];
                }
            }
            return Optional.empty();
        }
        if (v6Hi.length == 0) {
            return Optional.empty();
        }
        byte[] b = source.getAddress();
        if (b.length != 16) {
            return Optional.empty();
        }
        long hi = IpPrefix.toLong(b, 0);
        long lo = IpPrefix.toLong(b, 8);
        for (int i = 0; i < v6Hi.length; i++) {
            if ((hi & v6MaskHi[i]) == v6Hi[i] && (lo & v6MaskLo[i]) == v6Lo[i]) {
                return v6Client[i];
            }
        }
        return Optional.empty();
    }

    /** Number of entries (exact and subnets). */
    public int size() {
        return exact.size() + v4Network.length + v6Hi.length;
    }

    /** The table of the RADIUS clients of these clusters (secrets in clear), in the given order of precedence. */
    public static NasClientTable fromClusters(List<MxCluster> clusters) {
        List<NasClient> clients = new ArrayList<>();
        for (MxCluster cluster : clusters) {
            MistNac nac = cluster.mistNac();
            if (!nac.enabled()) {
                continue;
            }
            for (Map.Entry<String, NacClientIp> e : nac.clientIps().entrySet()) {
                NacClientIp c = e.getValue();
                String secret = c.secret() != null ? c.secret() : nac.secret();
                if (secret == null || secret.isEmpty()) {
                    LOG.warning(() -> "mxcluster " + cluster.id() + ": client " + e.getKey() + " has no secret; ignored");
                    continue;
                }
                clients.add(new NasClient(cluster.orgId(), cluster.id(), e.getKey(),
                        secret.getBytes(StandardCharsets.UTF_8), c.vendor() == null ? "generic" : c.vendor(),
                        c.siteId() != null ? c.siteId() : cluster.siteId(), c.requiresMessageAuthenticator()));
            }
        }
        return build(clients);
    }

    /** The table of these clients ({@link NasClient#match()} is the address or CIDR); earlier entries win conflicts. */
    public static NasClientTable build(List<NasClient> clients) {
        Map<InetAddress, Optional<NasClient>> exact = new HashMap<>();
        Map<IpPrefix, Subnet> subnets = new HashMap<>();
        for (NasClient client : clients) {
            IpPrefix prefix;
            try {
                prefix = IpPrefix.parse(client.match());
            } catch (IllegalArgumentException e) {
                LOG.warning(() -> "RADIUS client " + client.match() + " of mxcluster " + client.clusterId()
                        + " is not a valid address; ignored: " + e.getMessage());
                continue;
            }
            boolean added;
            if (prefix.isHost()) {
                added = exact.putIfAbsent(address(prefix), Optional.of(client)) == null;
            } else {
                added = subnets.putIfAbsent(prefix, new Subnet(prefix, Optional.of(client))) == null;
            }
            if (!added) {
                LOG.warning(() -> "RADIUS client " + prefix + " is configured more than once (mxcluster "
                        + client.clusterId() + " of org " + client.orgId() + " ignored for it)");
            }
        }
        Comparator<Subnet> longestFirst = Comparator.comparingInt((Subnet s) -> s.prefix().prefixLength()).reversed();
        List<Subnet> v4 = subnets.values().stream().filter(s -> s.prefix().isIpv4()).sorted(longestFirst).toList();
        List<Subnet> v6 = subnets.values().stream().filter(s -> !s.prefix().isIpv4()).sorted(longestFirst).toList();
        return new NasClientTable(Map.copyOf(exact), v4, v6);
    }

    private static InetAddress address(IpPrefix prefix) {
        try {
            return InetAddress.getByAddress(prefix.address());
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }
}
