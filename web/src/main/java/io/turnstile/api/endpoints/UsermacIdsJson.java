package io.turnstile.api.endpoints;

import java.util.List;

/** Body of {@code POST /orgs/{org_id}/usermacs/delete} (the contract's {@code usermacs_id}). */
public record UsermacIdsJson(List<String> usermacIds) {
}
