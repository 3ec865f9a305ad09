package io.turnstile.audit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Turns the before/after values of an audit entry into JSON-ready maps and redacts secrets. Records become maps of
 * their components with snake_case names ({@code createdTime} → {@code created_time}), instants become epoch seconds,
 * enums their lower-case names. A field whose name says it holds a secret keeps its key but its value becomes
 * {@value #REDACTED} (so the log still shows that it changed, not to what).
 */
public final class AuditRedaction {

    public static final String REDACTED = "<redacted>";

    private static final Set<String> SECRET_NAMES = Set.of("key", "psk", "token", "apitoken", "cookie", "pem",
            "private_key", "key_hash", "password_hash", "csrf_token");
    private static final List<String> SECRET_PARTS = List.of("secret", "password", "passphrase", "private_key",
            "api_key", "apikey", "apitoken", "token", "credential");

    private AuditRedaction() {
    }

    /**
     * Whether a field of this name holds a secret (a name or id of one, {@code org_apitoken_name}, does not).
     * Errs on the side of redacting: a log line that hides a harmless value costs less than one that shows a secret.
     */
    public static boolean isSecret(String field) {
        String f = field.toLowerCase(Locale.ROOT);
        if (f.endsWith("_name") || f.endsWith("_id") || f.endsWith("_ids")) {
            return false;
        }
        return SECRET_NAMES.contains(f) || SECRET_PARTS.stream().anyMatch(f::contains);
    }

    /** The value as a JSON object with secrets redacted, or null for null; a non-object becomes {"value": ...}. */
    public static Map<String, Object> document(Object value) {
        if (value == null) {
            return null;
        }
        Object v = convert(value, 0);
        if (v instanceof Map<?, ?> m) {
            @SuppressWarnings("unchecked")
            Map<String, Object> map = (Map<String, Object>) m;
            return map;
        }
        Map<String, Object> wrapped = new LinkedHashMap<>();
        wrapped.put("value", v);
        return wrapped;
    }

    private static Object convert(Object value, int depth) {
        if (depth > 32) {
            return "...";
        }
        if (value == null || value instanceof String || value instanceof Number || value instanceof Boolean) {
            return value;
        }
        if (value instanceof Instant i) {
            return i.getEpochSecond();
        }
        if (value instanceof Enum<?> e) {
            return e.name().toLowerCase(Locale.ROOT);
        }
        if (value instanceof Map<?, ?> m) {
            Map<String, Object> out = new LinkedHashMap<>();
            m.forEach((k, v) -> put(out, String.valueOf(k), v, depth));
            return out;
        }
        if (value instanceof Collection<?> c) {
            List<Object> out = new ArrayList<>(c.size());
            c.forEach(o -> out.add(convert(o, depth + 1)));
            return out;
        }
        if (value instanceof Record r) {
            Map<String, Object> out = new LinkedHashMap<>();
            for (var component : r.getClass().getRecordComponents()) {
                try {
                    put(out, snake(component.getName()), component.getAccessor().invoke(r), depth);
                } catch (ReflectiveOperationException e) {
                    out.put(snake(component.getName()), "?");
                }
            }
            return out;
        }
        return String.valueOf(value);
    }

    private static void put(Map<String, Object> out, String key, Object value, int depth) {
        if (value == null) {
            return;
        }
        // Secrets are text (or numbers); an object or list under such a name (password_policy) is walked instead.
        boolean leaf = value instanceof String || value instanceof Number || value instanceof char[];
        out.put(key, leaf && isSecret(key) ? REDACTED : convert(value, depth + 1));
    }

    static String snake(String camel) {
        StringBuilder b = new StringBuilder(camel.length() + 4);
        for (int i = 0; i < camel.length(); i++) {
            char c = camel.charAt(i);
            if (Character.isUpperCase(c)) {
                b.append('_').append(Character.toLowerCase(c));
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }
}
