package io.turnstile.org;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** The setting document of an org (without the server-owned fields) and its times. */
public record OrgSetting(String orgId, Map<String, Object> document, Instant created, Instant modified) {

    public OrgSetting {
        document = Collections.unmodifiableMap(new LinkedHashMap<>(document));
    }
}
