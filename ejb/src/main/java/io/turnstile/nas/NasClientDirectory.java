package io.turnstile.nas;

import io.turnstile.radius.api.NasClient;

import java.net.InetAddress;
import java.util.Optional;

/**
 * The RADIUS clients configured through {@code mxclusters[].mist_nac.client_ips}. Exact IP entries win over subnets,
 * and the longest matching prefix wins among subnets. Only clusters with {@code mist_nac.enabled} count.
 */
public interface NasClientDirectory {

    Optional<NasClient> resolve(InetAddress source);
}
