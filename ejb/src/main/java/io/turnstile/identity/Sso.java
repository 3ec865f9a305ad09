package io.turnstile.identity;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An org's {@code sso} entry as the API shows it: the stored fields with every secret replaced by
 * {@link SsoDocument#MASK}, plus the server-owned ones.
 */
public record Sso(String id, String orgId, String domain, Map<String, Object> fields, Instant created,
                  Instant modified) {

    public Sso {
        fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    }
}
