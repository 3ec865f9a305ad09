package io.turnstile.endpoints;

import java.util.List;

/**
 * Outcome of updating many usermacs at once (the contract's {@code user_macs_update}).
 *
 * @param updated ids of the usermacs changed
 * @param errors  one line per item refused, e.g. {@code "2feacc8e-… - invalid id"}
 */
public record BulkUpdate(List<String> updated, List<String> errors) {

    public BulkUpdate {
        updated = List.copyOf(updated);
        errors = List.copyOf(errors);
    }
}
