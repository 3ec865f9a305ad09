package io.turnstile.endpoints;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The fields of a usermac as a write request (create, update, import) carries them, before validation.
 * <p>
 * {@code null} means "not given": an update leaves that field as it is. An empty string (or an empty {@code labels}
 * list) means "clear it". {@code id} is only read by the update of many usermacs, where it names the one to change.
 */
public record EndpointFields(String id, String mac, String name, List<String> labels, String vlan, String role,
                             String radiusGroup, String notes) {

    public EndpointFields {
        // Not List.copyOf: a JSON body may hold null elements, which validation reports instead of failing here.
        labels = labels == null ? null : Collections.unmodifiableList(new ArrayList<>(labels));
    }

    /** Fields without an id, as create and import take them. */
    public static EndpointFields of(String mac, String name, List<String> labels, String vlan, String role,
                                    String radiusGroup, String notes) {
        return new EndpointFields(null, mac, name, labels, vlan, role, radiusGroup, notes);
    }
}
