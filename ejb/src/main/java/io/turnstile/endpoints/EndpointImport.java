package io.turnstile.endpoints;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns an import (CSV file or JSON array) into validated usermac fields, all or nothing: every row is checked first,
 * and if any is bad the whole import is refused with one error line per problem, e.g.
 * {@code "line 3: 92zz - mac invalid"} (CSV lines as a spreadsheet numbers them, the header being line 1) or
 * {@code "item 2: 921b638445cf - mac already provided (item 1)"} for a JSON array.
 * <p>
 * Rows are validated in {@link EndpointValidator.Mode#IMPORT} mode: a column (or JSON field) left empty clears that
 * field of an existing usermac, and one that is absent leaves it as it is.
 */
public final class EndpointImport {

    public static final int MAX_ROWS = 200_000;
    static final int MAX_ERRORS = 1000;

    /**
     * One row of an import.
     *
     * @param location where it is, {@code "line 3"} or {@code "item 2"}
     * @param fields   the row's fields, or {@code null} if the row could not be read
     * @param problem  why the row could not be read, or {@code null}
     */
    record Row(String location, EndpointFields fields, String problem) {
    }

    private EndpointImport() {
    }

    /** Reads and validates a CSV file ({@link UsermacCsv} describes the format and limits). */
    public static List<EndpointFields> fromCsv(InputStream csv) {
        return validate(UsermacCsv.read(csv));
    }

    /** Validates the items of a JSON import. */
    public static List<EndpointFields> fromList(List<EndpointFields> items) {
        if (items == null) {
            throw new InvalidEndpointException("the body must be a JSON array of usermacs");
        }
        if (items.size() > MAX_ROWS) {
            throw new InvalidEndpointException("more than " + MAX_ROWS + " usermacs in one import");
        }
        List<Row> rows = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            EndpointFields item = items.get(i);
            rows.add(item == null
                    ? new Row("item " + (i + 1), null, "not a usermac object")
                    : new Row("item " + (i + 1), item, null));
        }
        return validate(rows);
    }

    static List<EndpointFields> validate(List<Row> rows) {
        if (rows.isEmpty()) {
            throw new InvalidEndpointException("nothing to import: no usermacs given");
        }
        Map<String, String> seen = new HashMap<>();
        List<String> errors = new ArrayList<>();
        List<EndpointFields> valid = new ArrayList<>(rows.size());
        for (Row row : rows) {
            if (row.problem() != null) {
                errors.add(row.location() + ": " + row.problem());
                continue;
            }
            var result = EndpointValidator.validate(row.fields(), EndpointValidator.Mode.IMPORT);
            String subject = EndpointValidator.subject(row.fields());
            if (!result.valid()) {
                result.errors().forEach(e -> errors.add(row.location() + ": " + EndpointValidator.describe(subject, e)));
                continue;
            }
            String first = seen.putIfAbsent(result.fields().mac(), row.location());
            if (first != null) {
                errors.add(row.location() + ": "
                        + EndpointValidator.describe(subject, "mac already provided (" + first + ")"));
                continue;
            }
            valid.add(result.fields());
        }
        if (!errors.isEmpty()) {
            throw rejected(errors, rows.size());
        }
        return valid;
    }

    private static InvalidEndpointException rejected(List<String> errors, int rows) {
        String detail = "import refused, nothing was written: " + errors.size()
                + (errors.size() == 1 ? " error" : " errors") + " in " + rows + (rows == 1 ? " row" : " rows");
        if (errors.size() <= MAX_ERRORS) {
            return new InvalidEndpointException(detail, errors);
        }
        List<String> shown = new ArrayList<>(errors.subList(0, MAX_ERRORS));
        shown.add("... and " + (errors.size() - MAX_ERRORS) + " more errors");
        return new InvalidEndpointException(detail, shown);
    }
}
