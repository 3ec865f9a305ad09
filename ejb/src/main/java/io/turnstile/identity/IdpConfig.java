package io.turnstile.identity;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A stored {@code sso} entry as the providers see it: the contract's fields with secrets in clear (never log
 * {@link #fields()}; {@link #toString()} leaves them out).
 *
 * @param modified epoch milliseconds of the last change; a provider built from an older version is rebuilt
 */
public record IdpConfig(String id, String orgId, String name, String idpType, Map<String, Object> fields,
                        long modified) {

    public IdpConfig {
        fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    }

    @Override
    public String toString() {
        return "IdpConfig[id=" + id + ", orgId=" + orgId + ", name=" + name + ", idpType=" + idpType + "]";
    }
}
