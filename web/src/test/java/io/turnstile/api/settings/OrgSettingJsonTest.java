package io.turnstile.api.settings;

import io.turnstile.org.OrgSetting;
import io.turnstile.platform.JsonText;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class OrgSettingJsonTest {

    @Test
    void addsServerOwnedFields() {
        OrgSetting s = new OrgSetting("o1", Map.of("ui_idle_timeout", 10L), Instant.ofEpochSecond(5),
                Instant.ofEpochSecond(6));
        assertEquals("{\"id\":\"o1\",\"org_id\":\"o1\",\"ui_idle_timeout\":10,\"created_time\":5,\"modified_time\":6}",
                JsonText.write(OrgSettingJson.toMap(s)));
        assertEquals("{\"id\":\"o1\",\"org_id\":\"o1\"}",
                JsonText.write(OrgSettingJson.toMap(new OrgSetting("o1", Map.of(), null, null))));
    }
}
