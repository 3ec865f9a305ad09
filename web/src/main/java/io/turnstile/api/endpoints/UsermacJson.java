package io.turnstile.api.endpoints;

import io.turnstile.endpoints.Endpoint;
import io.turnstile.endpoints.EndpointFields;
import io.turnstile.endpoints.StoredEndpoint;
import io.turnstile.platform.EpochSeconds;
import jakarta.json.bind.annotation.JsonbPropertyOrder;

import java.util.List;

/**
 * A usermac as JSON (the contract's {@code user_mac}, plus Turnstile's {@code role}), snake_case via
 * {@link io.turnstile.api.JsonConfig}:
 * <pre>
 * {"id", "mac", "name", "labels", "vlan", "role", "radius_group", "notes", "org_id", "created_time", "modified_time"}
 * </pre>
 * Times are epoch seconds ({@link EpochSeconds}: whole, or with the milliseconds as a fraction). In a request {@code id} is read only by the update of many usermacs; {@code org_id} and the
 * times are ignored.
 */
@JsonbPropertyOrder({"id", "mac", "name", "labels", "vlan", "role", "radiusGroup", "notes", "orgId", "createdTime",
        "modifiedTime"})
public record UsermacJson(String id, String mac, String name, List<String> labels, String vlan, String role,
                          String radiusGroup, String notes, String orgId, Number createdTime, Number modifiedTime) {

    static UsermacJson of(StoredEndpoint stored) {
        Endpoint e = stored.endpoint();
        return new UsermacJson(e.id(), e.mac(), e.name(), e.labels(), e.vlan(), e.role(), e.radiusGroup(), e.notes(),
                e.orgId(), EpochSeconds.of(stored.createdTime()), EpochSeconds.of(stored.modifiedTime()));
    }

    /** The fields a request carries; {@code null} for no body. */
    static EndpointFields fields(UsermacJson json) {
        return json == null ? null : new EndpointFields(json.id, json.mac, json.name, json.labels, json.vlan,
                json.role, json.radiusGroup, json.notes);
    }

    /** Each item's fields; {@code null} for no body. */
    static List<EndpointFields> fields(List<UsermacJson> json) {
        return json == null ? null : json.stream().map(UsermacJson::fields).toList();
    }
}
