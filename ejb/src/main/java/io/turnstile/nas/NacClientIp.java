package io.turnstile.nas;

/**
 * One entry of {@code mist_nac.client_ips} (contract: mxcluster_nac_client_ip), secret in clear.
 *
 * @param secret                      per-client shared secret, or null to use the cluster's
 * @param vendor                      see {@link MxClusterValidator#VENDORS}, or null (generic)
 * @param requireMessageAuthenticator as given; null means TRUE in Turnstile (see {@link MxClusterValidator})
 */
public record NacClientIp(String secret, String vendor, String siteId, Boolean requireMessageAuthenticator) {

    /** The value in force: absent means required (BlastRADIUS, CVE-2024-3596). */
    public boolean requiresMessageAuthenticator() {
        return requireMessageAuthenticator == null || requireMessageAuthenticator;
    }

    @Override
    public String toString() {
        return "NacClientIp[secret=" + (secret == null ? "null" : "<redacted>") + ", vendor=" + vendor + ", siteId="
                + siteId + ", requireMessageAuthenticator=" + requireMessageAuthenticator + "]";
    }
}
