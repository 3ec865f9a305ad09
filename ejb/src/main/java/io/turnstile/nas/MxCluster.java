package io.turnstile.nas;

import io.turnstile.platform.SecretFields;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An mxcluster (contract: mxcluster) as Turnstile keeps it: name, site, {@code mist_nac} (the RADIUS clients), and
 * every other field as given ({@code extra}, opaque).
 */
public record MxCluster(String id, String orgId, String name, String siteId, MistNac mistNac,
                        Map<String, Object> extra, Instant created, Instant modified) {

    /** Secret-shaped fields of the contract's mxcluster kept in {@code extra}: sealed at rest, masked in responses. */
    public static final SecretFields EXTRA_SECRETS = SecretFields.of("mist_das.coa_servers[].secret",
            "radsec.auth_servers[].secret", "radsec.acct_servers[].secret", "mxedge_mgmt.mist_password",
            "mxedge_mgmt.root_password");

    /** The RADIUS shared secrets of {@code mist_nac}, as paths of a request body (see {@link SecretFields}). */
    public static final SecretFields NAC_SECRETS = SecretFields.of("mist_nac.secret", "mist_nac.client_ips.*.secret");

    public MxCluster {
        mistNac = mistNac == null ? MistNac.NONE : mistNac;
        extra = extra == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(extra));
    }
}
