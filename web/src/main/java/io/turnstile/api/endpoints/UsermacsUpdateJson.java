package io.turnstile.api.endpoints;

import io.turnstile.endpoints.BulkUpdate;

import java.util.List;

/** Answer of {@code PUT /orgs/{org_id}/usermacs} (the contract's {@code user_macs_update}). */
public record UsermacsUpdateJson(List<String> updated, List<String> errors) {

    static UsermacsUpdateJson of(BulkUpdate result) {
        return new UsermacsUpdateJson(result.updated(), result.errors());
    }
}
