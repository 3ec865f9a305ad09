package io.turnstile.org;

import io.turnstile.nas.IpPrefix;

import java.util.List;
import java.util.Objects;

/**
 * An org API token as authentication sees it. {@code srcIps}: the addresses the token may be used from (contract
 * org_apitoken.src_ips); empty means from anywhere.
 */
public record ApiPrincipal(String tokenId, String orgId, ApiRole role, String name, List<IpPrefix> srcIps) {

    public ApiPrincipal {
        Objects.requireNonNull(tokenId, "tokenId");
        Objects.requireNonNull(orgId, "orgId");
        Objects.requireNonNull(role, "role");
        srcIps = srcIps == null ? List.of() : List.copyOf(srcIps);
    }

    public ApiPrincipal(String tokenId, String orgId, ApiRole role, String name) {
        this(tokenId, orgId, role, name, List.of());
    }

    /** Whether a request from this source address (4 or 16 bytes) may use the token. */
    public boolean allowsSource(byte[] address) {
        return srcIps.isEmpty() || (address != null && srcIps.stream().anyMatch(p -> p.contains(address)));
    }
}
