package io.turnstile.api.self;

import io.turnstile.org.ApiPrincipal;
import io.turnstile.org.ApiRole;
import io.turnstile.org.Organisation;
import io.turnstile.platform.JsonText;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SelfJsonTest {

    @Test
    void hasTheContractAdminShape() {
        ApiPrincipal token = new ApiPrincipal("t1", "org-1", ApiRole.ADMIN, "bootstrap");
        assertEquals("{\"name\":\"bootstrap\",\"privileges\":[{\"scope\":\"org\",\"org_id\":\"org-1\","
                        + "\"org_name\":\"Default\",\"name\":\"Default\",\"role\":\"admin\"}]}",
                JsonText.write(SelfJson.of(token, new Organisation("org-1", "Default", Instant.EPOCH))));
    }
}
