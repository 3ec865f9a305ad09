package io.turnstile.api.accounting;

import io.turnstile.accounting.AcctSessionPage;
import io.turnstile.persistence.accounting.AcctSessionRow;
import io.turnstile.platform.JsonText;
import io.turnstile.platform.TimeWindow;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class AcctSessionJsonTest {

    @Test
    void pageShape() {
        AcctSessionRow s = new AcctSessionRow("id", "org", "192.0.2.1", "S1", null, null, "aabbccddeeff", "alice", null,
                null, null, "stopped", 1_000_000L, 1_060_500L, 1_060_500L, 60L, 5_000_000_000L, 10L, null, null, 1);
        AcctSessionPage p = new AcctSessionPage(List.of(s), 1, 100, 1, new TimeWindow(0, 2_000_000));
        assertEquals("{\"results\":[{\"id\":\"id\",\"org_id\":\"org\",\"nas_ip\":\"192.0.2.1\",\"session_id\":\"S1\","
                + "\"mac\":\"aabbccddeeff\",\"username\":\"alice\",\"status\":\"stopped\",\"start_time\":1000,"
                + "\"stop_time\":1060.500,\"last_update\":1060.500,\"session_time\":60,\"input_octets\":5000000000,"
                + "\"output_octets\":10,\"terminate_cause\":1}],\"total\":1,\"limit\":100,\"page\":1,\"start\":0,"
                + "\"end\":2000}", JsonText.write(AcctSessionJson.page(p)));
    }
}
