package io.turnstile.api.clusters;

import io.turnstile.nas.MistNac;
import io.turnstile.nas.MxCluster;
import io.turnstile.nas.NacClientIp;
import io.turnstile.platform.JsonText;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class MxClusterJsonTest {

    @Test
    void writesTheContractShapeWithEffectiveDefaultsAndMaskedSecrets() {
        Map<String, NacClientIp> ips = new LinkedHashMap<>();
        ips.put("10.0.0.0/8", new NacClientIp(null, "cisco-ios", null, null));
        ips.put("192.0.2.1", new NacClientIp("own", null, null, false));
        MxCluster c = new MxCluster("c1", "o1", "campus", null, new MistNac(true, "testing123", 1812, null, ips),
                Map.of("tunterm_hosts", List.of("a"), "name", "must not override"), Instant.ofEpochSecond(100),
                Instant.ofEpochMilli(200_500));
        assertEquals("{\"id\":\"c1\",\"org_id\":\"o1\",\"name\":\"campus\",\"mist_nac\":{\"enabled\":true,"
                + "\"secret\":\"********\",\"auth_server_port\":1812,\"client_ips\":{"
                + "\"10.0.0.0/8\":{\"vendor\":\"cisco-ios\",\"require_message_authenticator\":true},"
                + "\"192.0.2.1\":{\"secret\":\"********\",\"require_message_authenticator\":false}}},"
                + "\"tunterm_hosts\":[\"a\"],\"created_time\":100,\"modified_time\":200.500}",
                JsonText.write(MxClusterJson.toMap(c)));
    }
}
