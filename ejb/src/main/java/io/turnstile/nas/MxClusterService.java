package io.turnstile.nas;

import java.util.Map;

/**
 * The org's mxclusters (contract: /orgs/{org_id}/mxclusters); their {@code mist_nac.client_ips} are the RADIUS
 * clients. Bodies are JSON objects as maps (see {@link MxClusterValidator}). Secrets ({@code mist_nac} shared secrets and
 * {@link MxCluster#EXTRA_SECRETS}) are stored sealed (SecretBox) and returned in clear to the caller (the REST layer
 * masks them, the console reveals one to an admin); a body that sends the mask back keeps the stored secret.
 */
public interface MxClusterService {

    MxClusterPage list(String orgId, int limit, int page);

    /** @throws io.turnstile.platform.ResourceNotFoundException if the org has no such cluster */
    MxCluster get(String orgId, String clusterId);

    /** @throws io.turnstile.platform.InvalidRequestException if the body is not valid */
    MxCluster create(String orgId, Map<String, Object> body);

    MxCluster update(String orgId, String clusterId, Map<String, Object> body);

    void delete(String orgId, String clusterId);
}
