package io.turnstile.endpoints;

import io.turnstile.platform.Paging;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A usermac search ({@code GET /orgs/{org_id}/usermacs/search}), validated.
 *
 * @param macContains lower-case hex digits the mac must contain, or {@code null} for any
 * @param labels      the usermac must carry at least one of these; empty for any
 * @param limit       page size, 1 to {@link Paging#MAX_LIMIT}
 * @param page        page number from 1
 * @param sort        order of the results
 * @param descending  reverse order
 */
public record EndpointQuery(String macContains, List<String> labels, int limit, int page, Sort sort,
                            boolean descending) {

    /** Orders a search can use, by the contract's field name; ties are broken by mac. */
    public enum Sort {
        MAC("mac"), NAME("name"), CREATED_TIME("created_time"), MODIFIED_TIME("modified_time");

        private final String field;

        Sort(String field) {
            this.field = field;
        }

        public String field() {
            return field;
        }
    }

    public EndpointQuery {
        labels = List.copyOf(labels);
    }

    /** The first page of everything, by mac. */
    public static EndpointQuery all() {
        return new EndpointQuery(null, List.of(), Paging.DEFAULT_LIMIT, 1, Sort.MAC, false);
    }

    /** Position of the first result over all pages. */
    public int offset() {
        return (page - 1) * limit;
    }

    /**
     * Reads the query parameters as given.
     *
     * @param mac    partial or full mac, in any notation ({@code 5684}, {@code 56:84:da}, {@code *dae9*})
     * @param labels each value one label or several separated by commas
     * @param limit  as {@link Paging#limit}, and 0 also means the default (100)
     * @param page   as {@link Paging#page}: from 1, default 1
     * @param sort   {@code mac}, {@code name}, {@code created_time} or {@code modified_time}, {@code -} prefix for
     *               descending; {@code timestamp} (the contract's default) means {@code created_time}; default mac
     * @throws io.turnstile.platform.InvalidRequestException naming the bad parameter
     */
    public static EndpointQuery parse(String mac, List<String> labels, String limit, String page, String sort) {
        int size = Paging.limit(limit);
        size = size == 0 ? Paging.DEFAULT_LIMIT : size;
        int pageNo = Paging.page(page);
        boolean descending = sort != null && sort.strip().startsWith("-");
        Sort order = sort(sort == null ? "" : sort.strip().substring(descending ? 1 : 0));
        return new EndpointQuery(macPart(mac), labels(labels), size, pageNo, order, descending);
    }

    private static Sort sort(String field) {
        if (field.isEmpty()) {
            return Sort.MAC;
        }
        if (field.equals("timestamp")) {
            return Sort.CREATED_TIME;
        }
        for (Sort s : Sort.values()) {
            if (s.field.equals(field)) {
                return s;
            }
        }
        throw new InvalidEndpointException("sort must be one of mac, name, created_time, modified_time, optionally"
                + " prefixed with - for descending order");
    }

    private static String macPart(String raw) {
        if (raw == null) {
            return null;
        }
        StringBuilder hex = new StringBuilder(12);
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == ':' || c == '-' || c == '.' || c == '*' || Character.isWhitespace(c)) {
                continue;
            }
            boolean hexDigit = c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F';
            if (!hexDigit || hex.length() == 12) {
                throw new InvalidEndpointException("mac must be part of a MAC address: up to 12 hex digits,"
                        + " separators : - . allowed");
            }
            hex.append(Character.toLowerCase(c));
        }
        return hex.isEmpty() ? null : hex.toString();
    }

    private static List<String> labels(List<String> raw) {
        if (raw == null) {
            return List.of();
        }
        Set<String> labels = new LinkedHashSet<>();
        for (String value : raw) {
            if (value == null) {
                continue;
            }
            for (String label : value.split(",")) {
                if (!label.isBlank()) {
                    labels.add(label.strip());
                }
            }
        }
        if (labels.size() > EndpointValidator.MAX_LABELS) {
            throw new InvalidEndpointException("labels: at most " + EndpointValidator.MAX_LABELS
                    + " labels in a search");
        }
        return new ArrayList<>(labels);
    }
}
