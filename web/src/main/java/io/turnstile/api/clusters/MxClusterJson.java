package io.turnstile.api.clusters;

import io.turnstile.nas.MistNac;
import io.turnstile.nas.MxCluster;
import io.turnstile.nas.NacClientIp;
import io.turnstile.platform.EpochSeconds;
import io.turnstile.platform.SecretFields;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An mxcluster in the contract's shape. Secrets are answered as {@link SecretFields#MASK} (a PUT that sends the mask
 * back keeps the stored secret); the console reveals a RADIUS secret to an admin. {@code require_message_authenticator} is always written with the value in force (absent in input means
 * true in Turnstile), so a reader never mistakes it for the contract's default of false.
 */
public final class MxClusterJson {

    private MxClusterJson() {
    }

    public static Map<String, Object> toMap(MxCluster c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", c.id());
        m.put("org_id", c.orgId());
        m.put("name", c.name());
        m.put("site_id", c.siteId());
        m.put("mist_nac", mistNac(c.mistNac()));
        MxCluster.EXTRA_SECRETS.mask(c.extra()).forEach(m::putIfAbsent);
        m.put("created_time", EpochSeconds.of(c.created()));
        m.put("modified_time", EpochSeconds.of(c.modified()));
        return m;
    }

    static Map<String, Object> mistNac(MistNac nac) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("enabled", nac.enabled());
        m.put("secret", masked(nac.secret()));
        m.put("auth_server_port", nac.authServerPort());
        m.put("acct_server_port", nac.acctServerPort());
        Map<String, Object> ips = new LinkedHashMap<>();
        for (Map.Entry<String, NacClientIp> e : nac.clientIps().entrySet()) {
            NacClientIp c = e.getValue();
            Map<String, Object> client = new LinkedHashMap<>();
            client.put("secret", masked(c.secret()));
            client.put("vendor", c.vendor());
            client.put("site_id", c.siteId());
            client.put("require_message_authenticator", c.requiresMessageAuthenticator());
            ips.put(e.getKey(), client);
        }
        m.put("client_ips", ips);
        return m;
    }

    private static String masked(String secret) {
        return secret == null ? null : SecretFields.MASK;
    }
}
