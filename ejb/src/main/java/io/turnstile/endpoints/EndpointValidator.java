package io.turnstile.endpoints;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The rules a usermac's fields must follow, and their normal form. Messages name the field as the contract spells it.
 * <p>
 * Normal form: strings trimmed; {@code mac} in compact form (12 lower-case hex); {@code labels} trimmed, duplicates
 * dropped, order kept; a numeric {@code vlan} without leading zeros. On create an empty string becomes {@code null}; on
 * update or import it stays empty, meaning "clear this field" ({@code mac} cannot be cleared).
 */
public final class EndpointValidator {

    public static final int MAX_NAME = 64;
    public static final int MAX_LABEL = 32;
    public static final int MAX_LABELS = 64;
    public static final int MAX_VLAN_NAME = 32;
    public static final int MAX_ROLE = 64;
    public static final int MAX_RADIUS_GROUP = 64;
    public static final int MAX_NOTES = 256;

    static final String MAC_INVALID = "mac invalid";
    static final String MAC_LOCAL = "mac is locally administered (only non-local-admin MAC is accepted)";
    static final String VLAN_INVALID = "vlan must be a VLAN id 1-4094 or a VLAN name of at most " + MAX_VLAN_NAME
            + " characters from A-Z a-z 0-9 _ . -";

    /**
     * {@code CREATE}: mac required, empty strings dropped. {@code UPDATE}: mac optional, empty strings kept (clear).
     * {@code IMPORT}: mac required, empty strings kept (an import row may update an existing usermac).
     */
    public enum Mode { CREATE, UPDATE, IMPORT }

    /** The normalized fields if {@code errors} is empty; otherwise the problems, one per line. */
    public record Result(EndpointFields fields, List<String> errors) {

        public Result {
            errors = List.copyOf(errors);
        }

        public boolean valid() {
            return errors.isEmpty();
        }
    }

    private EndpointValidator() {
    }

    public static Result validate(EndpointFields in, Mode mode) {
        List<String> errors = new ArrayList<>();
        String mac = mac(in.mac(), mode, errors);
        String name = text("name", in.name(), MAX_NAME, false, mode, errors);
        List<String> labels = labels(in.labels(), errors);
        String vlan = vlan(in.vlan(), mode, errors);
        String role = text("role", in.role(), MAX_ROLE, false, mode, errors);
        String radiusGroup = text("radius_group", in.radiusGroup(), MAX_RADIUS_GROUP, false, mode, errors);
        String notes = text("notes", in.notes(), MAX_NOTES, true, mode, errors);
        EndpointFields out = errors.isEmpty()
                ? new EndpointFields(in.id(), mac, name, labels, vlan, role, radiusGroup, notes)
                : null;
        return new Result(out, errors);
    }

    /**
     * What a message is about, as the contract's error lines show it ({@code "921b638445ce - mac invalid"}): the mac as
     * given, shortened if long; {@code null} if there is none.
     */
    public static String subject(EndpointFields in) {
        String mac = in.mac() == null ? "" : in.mac().strip();
        return mac.isEmpty() ? null : shorten(mac);
    }

    /** {@code "<subject> - <message>"}, or the message alone without a subject. */
    public static String describe(String subject, String message) {
        return subject == null ? message : subject + " - " + message;
    }

    private static String mac(String raw, Mode mode, List<String> errors) {
        if (raw == null && mode == Mode.UPDATE) {
            return null;
        }
        if (raw == null || raw.isBlank()) {
            errors.add("mac is required");
            return null;
        }
        var mac = MacAddress.parse(raw);
        if (mac.isEmpty()) {
            errors.add(MAC_INVALID);
            return null;
        }
        if (mac.get().locallyAdministered()) {
            errors.add(MAC_LOCAL);
            return null;
        }
        return mac.get().compact();
    }

    private static String text(String field, String raw, int max, boolean multiLine, Mode mode,
                               List<String> errors) {
        if (raw == null) {
            return null;
        }
        String value = raw.strip();
        if (value.length() > max) {
            errors.add(field + " longer than " + max + " characters");
        } else if (hasControl(value, multiLine)) {
            errors.add(field + " contains control characters");
        }
        return value.isEmpty() && mode == Mode.CREATE ? null : value;
    }

    private static List<String> labels(List<String> raw, List<String> errors) {
        if (raw == null) {
            return null;
        }
        Set<String> labels = new LinkedHashSet<>();
        for (String item : raw) {
            String label = item == null ? "" : item.strip();
            if (label.isEmpty()) {
                errors.add("labels: empty label");
            } else if (label.length() > MAX_LABEL) {
                errors.add("labels: '" + shorten(label) + "' longer than " + MAX_LABEL + " characters");
            } else if (label.indexOf(',') >= 0) {
                // A comma separates labels in the CSV import and the search query, so it cannot be part of one.
                errors.add("labels: '" + label + "' contains ','");
            } else if (hasControl(label, false)) {
                errors.add("labels: '" + shorten(label) + "' contains control characters");
            } else {
                labels.add(label);
            }
        }
        if (labels.size() > MAX_LABELS) {
            errors.add("labels: more than " + MAX_LABELS + " labels");
        }
        return List.copyOf(labels);
    }

    private static String vlan(String raw, Mode mode, List<String> errors) {
        if (raw == null) {
            return null;
        }
        String value = raw.strip();
        if (value.isEmpty()) {
            return mode == Mode.CREATE ? null : value;
        }
        boolean digits = true;
        boolean nameChars = value.length() <= MAX_VLAN_NAME;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            digits &= c >= '0' && c <= '9';
            nameChars &= c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
                    || c == '_' || c == '.' || c == '-';
        }
        if (digits) {
            // IEEE 802.1Q §9.6: VID 0 means "no VLAN" and 4095 is reserved, so 1-4094 are assignable.
            int id = value.length() <= 9 ? Integer.parseInt(value) : 0;
            if (id >= 1 && id <= 4094) {
                return Integer.toString(id);
            }
            errors.add(VLAN_INVALID);
            return null;
        }
        if (!nameChars) {
            errors.add(VLAN_INVALID);
            return null;
        }
        return value;
    }

    private static boolean hasControl(String s, boolean multiLine) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (multiLine && (c == '\n' || c == '\r' || c == '\t')) {
                continue;
            }
            if (Character.isISOControl(c)) {
                return true;
            }
        }
        return false;
    }

    static String shorten(String s) {
        return s.length() <= 40 ? s : s.substring(0, 37) + "...";
    }
}
