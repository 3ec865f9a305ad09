package io.turnstile.platform.cluster;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One configuration change another node must apply to its in-memory state (RADIUS clients, policy, endpoint cache,
 * API tokens, trust anchors, identity providers). Travels through the data grid as text, {@code v1|KIND|org|id}, so
 * that receiving it never deserialises a class (a grid member's message is decoded, validated, or ignored).
 */
public record ConfigChange(Kind kind, String orgId, String id) {

    /** What changed; each kind is one local CDI event type (see {@link ClusterConfigBus}). */
    public enum Kind { NAS, POLICY, ENDPOINTS, TOKENS, PKI, SSO }

    private static final Pattern ID = Pattern.compile("[0-9A-Za-z._-]{1,64}");
    private static final int MAX_WIRE_LENGTH = 200;

    public ConfigChange {
        Objects.requireNonNull(kind, "kind");
        if (orgId == null || !ID.matcher(orgId).matches()) {
            throw new IllegalArgumentException("bad org id");
        }
        if (id != null && !ID.matcher(id).matches()) {
            throw new IllegalArgumentException("bad id");
        }
    }

    public String encode() {
        return "v1|" + kind + "|" + orgId + "|" + (id == null ? "" : id);
    }

    /** The change a wire text names, or empty if it is not one (unknown version or kind, bad ids, too long). */
    public static Optional<ConfigChange> decode(String wire) {
        if (wire == null || wire.length() > MAX_WIRE_LENGTH) {
            return Optional.empty();
        }
        String[] parts = wire.split("\\|", -1);
        if (parts.length != 4 || !"v1".equals(parts[0])) {
            return Optional.empty();
        }
        try {
            return Optional.of(new ConfigChange(Kind.valueOf(parts[1]), parts[2], parts[3].isEmpty() ? null : parts[3]));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
