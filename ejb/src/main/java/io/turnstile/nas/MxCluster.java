package io.turnstile.nas;

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

    public MxCluster {
        mistNac = mistNac == null ? MistNac.NONE : mistNac;
        extra = extra == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(extra));
    }
}
