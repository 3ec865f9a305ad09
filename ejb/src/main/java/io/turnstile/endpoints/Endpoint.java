package io.turnstile.endpoints;

import java.util.List;

/**
 * One entry of the endpoints database ({@code usermacs} in the contract). {@code role} is a Turnstile extension of the
 * contract's {@code user_mac} (the role sent to the NAS for this endpoint).
 *
 * @param mac     12 lower-case hex digits, as the contract stores it
 */
public record Endpoint(String id, String orgId, String mac, String name, List<String> labels, String vlan, String role,
                       String radiusGroup, String notes) {

    public Endpoint {
        labels = labels == null ? List.of() : List.copyOf(labels);
    }
}
