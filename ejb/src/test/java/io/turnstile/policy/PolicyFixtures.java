package io.turnstile.policy;

import io.turnstile.endpoints.Endpoint;
import io.turnstile.endpoints.MacAddress;
import io.turnstile.platform.JsonText;

import java.util.List;

/** Labels and rules written as the API receives them, so tests go through the same validation. */
final class PolicyFixtures {

    static final String ORG = "00000000-0000-4000-8000-000000000001";

    private PolicyFixtures() {
    }

    static NacTag tag(String id, String json) {
        return PolicyDocuments.tag(JsonText.parseObject(json), null, id, ORG, 1_000);
    }

    static NacRule rule(String id, long created, String json) {
        return PolicyDocuments.rule(JsonText.parseObject(json), null, id, ORG, created);
    }

    static AccessRequestFacts mab(String mac, PortType port, String ssid) {
        MacAddress m = MacAddress.parse(mac).orElseThrow();
        return new AccessRequestFacts(ORG, null, AuthType.MAB, m.compact(), m, "10.0.0.1", "nas", "generic", port,
                ssid, null);
    }

    static Endpoint endpoint(String mac, String name, String vlan, String role, List<String> labels) {
        return new Endpoint("e-" + mac, ORG, MacAddress.parse(mac).orElseThrow().compact(), name, labels, vlan, role,
                null, null);
    }
}
