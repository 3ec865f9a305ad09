package io.turnstile.endpoints;

import java.util.List;

/**
 * Outcome of an accepted import (the contract's {@code user_mac_import}). An import with any bad row is refused as a
 * whole ({@link InvalidEndpointException}), so {@code errors} of an accepted one is empty.
 *
 * @param added   macs (compact form) created
 * @param updated macs (compact form) that existed and were changed
 */
public record ImportReport(List<String> added, List<String> updated, List<String> errors) {

    public ImportReport {
        added = List.copyOf(added);
        updated = List.copyOf(updated);
        errors = List.copyOf(errors);
    }
}
