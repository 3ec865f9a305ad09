package io.turnstile.endpoints;

import io.turnstile.persistence.endpoints.UsermacEntity;

import java.time.Instant;
import java.util.List;

/** Between the {@code usermac} entity (with its labels, stored apart) and the endpoint values. */
final class EndpointMapping {

    private EndpointMapping() {
    }

    static Endpoint toEndpoint(UsermacEntity u, List<String> labels) {
        return new Endpoint(u.getId(), u.getOrgId(), u.getMac(), u.getName(), labels, u.getVlan(), u.getRole(),
                u.getRadiusGroup(), u.getNotes());
    }

    static StoredEndpoint toStored(UsermacEntity u, List<String> labels) {
        return new StoredEndpoint(toEndpoint(u, labels), Instant.ofEpochMilli(u.getCreatedTime()),
                Instant.ofEpochMilli(u.getModifiedTime()));
    }

    /**
     * Writes validated fields, except labels, onto the entity: {@code null} leaves a field, an empty string clears it
     * (see {@link EndpointFields}).
     */
    static void apply(UsermacEntity u, EndpointFields f, long nowMillis) {
        if (f.mac() != null) {
            u.setMac(f.mac());
        }
        if (f.name() != null) {
            u.setName(emptyToNull(f.name()));
        }
        if (f.vlan() != null) {
            u.setVlan(emptyToNull(f.vlan()));
        }
        if (f.role() != null) {
            u.setRole(emptyToNull(f.role()));
        }
        if (f.radiusGroup() != null) {
            u.setRadiusGroup(emptyToNull(f.radiusGroup()));
        }
        if (f.notes() != null) {
            u.setNotes(emptyToNull(f.notes()));
        }
        u.setModifiedTime(nowMillis);
    }

    /** The entity field a search sorts by. */
    static String orderField(EndpointQuery.Sort sort) {
        return switch (sort) {
            case MAC -> "mac";
            case NAME -> "name";
            case CREATED_TIME -> "createdTime";
            case MODIFIED_TIME -> "modifiedTime";
        };
    }

    private static String emptyToNull(String s) {
        return s.isEmpty() ? null : s;
    }
}
