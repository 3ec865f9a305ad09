package io.turnstile.api.sso;

import io.turnstile.identity.Sso;
import io.turnstile.platform.EpochSeconds;

import java.util.LinkedHashMap;
import java.util.Map;

/** An sso in the contract's shape: the stored fields (secrets masked) plus the server-owned ones. */
public final class SsoJson {

    private SsoJson() {
    }

    public static Map<String, Object> toMap(Sso s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", s.id());
        m.put("org_id", s.orgId());
        m.put("domain", s.domain());
        s.fields().forEach(m::putIfAbsent);
        m.put("created_time", EpochSeconds.of(s.created()));
        m.put("modified_time", EpochSeconds.of(s.modified()));
        return m;
    }
}
