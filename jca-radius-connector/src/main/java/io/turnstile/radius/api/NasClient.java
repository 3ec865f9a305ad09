package io.turnstile.radius.api;

import java.util.Arrays;

/**
 * A RADIUS client (NAS: access point, switch, third-party gear) as configured for an organisation.
 *
 * @param orgId                         organisation the client belongs to
 * @param clusterId                     the mxcluster whose {@code mist_nac.client_ips} entry matched
 * @param match                         the configured key that matched (an IP or a CIDR)
 * @param secret                        shared secret (RFC 2865 §3); never logged, redacted in {@link #toString()}
 * @param vendor                        NAS vendor from the contract's {@code mxcluster_nac_client_vendor} enum, or "generic"
 * @param siteId                        site of a third-party client, may be null
 * @param requireMessageAuthenticator   BlastRADIUS protection (CVE-2024-3596): drop Access-Requests without a valid
 *                                      Message-Authenticator (RFC 3579 §3.2)
 */
public record NasClient(String orgId, String clusterId, String match, byte[] secret, String vendor, String siteId,
                        boolean requireMessageAuthenticator) {

    public NasClient {
        secret = secret == null ? new byte[0] : secret.clone();
    }

    @Override
    public byte[] secret() {
        return secret.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NasClient n && n.orgId.equals(orgId) && n.clusterId.equals(clusterId)
                && n.match.equals(match) && Arrays.equals(n.secret, secret) && n.vendor.equals(vendor)
                && java.util.Objects.equals(n.siteId, siteId) && n.requireMessageAuthenticator == requireMessageAuthenticator;
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(orgId, clusterId, match, vendor, siteId);
    }

    @Override
    public String toString() {
        return "NasClient[orgId=" + orgId + ", clusterId=" + clusterId + ", match=" + match + ", secret=<redacted>, vendor="
                + vendor + ", siteId=" + siteId + ", requireMessageAuthenticator=" + requireMessageAuthenticator + "]";
    }
}
