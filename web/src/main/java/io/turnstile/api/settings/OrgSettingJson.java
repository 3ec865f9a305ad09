package io.turnstile.api.settings;

import io.turnstile.org.OrgSetting;
import io.turnstile.platform.EpochSeconds;

import java.util.LinkedHashMap;
import java.util.Map;

/** The org setting in the contract's shape: the stored document plus the server-owned id, org_id and times. */
public final class OrgSettingJson {

    private OrgSettingJson() {
    }

    public static Map<String, Object> toMap(OrgSetting s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", s.orgId());
        m.put("org_id", s.orgId());
        s.document().forEach(m::putIfAbsent);
        m.put("created_time", EpochSeconds.of(s.created()));
        m.put("modified_time", EpochSeconds.of(s.modified()));
        return m;
    }
}
