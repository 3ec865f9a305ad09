package io.turnstile.api.endpoints;

import io.turnstile.endpoints.ImportReport;

import java.util.List;

/** Answer of {@code POST /orgs/{org_id}/usermacs/import} (the contract's {@code user_mac_import}). */
public record UsermacImportJson(List<String> added, List<String> updated, List<String> errors) {

    static UsermacImportJson of(ImportReport report) {
        return new UsermacImportJson(report.added(), report.updated(), report.errors());
    }
}
