package io.turnstile.platform;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * The secret-shaped fields of a JSON document (keys, passwords, tokens, RADIUS shared secrets), named by paths such as
 * {@code mxedge_mgmt.root_password}, {@code radsec.auth_servers[].secret} ({@code []}: every element of a list) or
 * {@code client_ips.*.secret} ({@code *}: every value of an object). Used three ways: seal them before the document is
 * stored, open them when it is read back, and answer {@link #MASK} in place of each. A document sent back with
 * {@link #MASK} in a secret's place keeps the stored secret ({@link #keepMasked}), so a client can PUT what it read.
 *
 * <p>Immutable; the methods copy what they change and never log values.
 */
public final class SecretFields {

    /** What a response shows for a stored secret (the same mask as the sso API). */
    public static final String MASK = "********";

    private final List<List<String>> paths;

    private SecretFields(List<List<String>> paths) {
        this.paths = paths;
    }

    public static SecretFields of(String... paths) {
        List<List<String>> parsed = new ArrayList<>();
        for (String p : paths) {
            List<String> segments = new ArrayList<>();
            for (String s : p.split("\\.")) {
                if (s.endsWith("[]")) {
                    segments.add(s.substring(0, s.length() - 2));
                    segments.add("[]");
                } else {
                    segments.add(s);
                }
            }
            parsed.add(List.copyOf(segments));
        }
        return new SecretFields(List.copyOf(parsed));
    }

    /** The document with every secret string passed through {@code f} (seal, open or mask); other values untouched. */
    public Map<String, Object> map(Map<String, Object> document, UnaryOperator<String> f) {
        Object out = document;
        for (List<String> path : paths) {
            out = apply(out, path, 0, f);
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> m = (Map<String, Object>) out;
        return m;
    }

    /** Every secret answered as {@link #MASK}. */
    public Map<String, Object> mask(Map<String, Object> document) {
        return map(document, s -> MASK);
    }

    /**
     * {@code changes} with each secret given as {@link #MASK} replaced by the secret at the same place (same keys, same
     * list index) of {@code stored}.
     *
     * @throws InvalidRequestException if a mask stands where nothing is stored
     */
    public Map<String, Object> keepMasked(Map<String, Object> changes, Map<String, Object> stored) {
        Object out = changes;
        for (List<String> path : paths) {
            out = keep(out, stored, path, 0, "");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> m = (Map<String, Object>) out;
        return m;
    }

    private static Object apply(Object node, List<String> path, int i, UnaryOperator<String> f) {
        if (i == path.size()) {
            return node instanceof String s ? f.apply(s) : node;
        }
        String segment = path.get(i);
        if ("[]".equals(segment)) {
            if (!(node instanceof List<?> list)) {
                return node;
            }
            List<Object> out = new ArrayList<>(list.size());
            for (Object element : list) {
                out.add(apply(element, path, i + 1, f));
            }
            return out;
        }
        if (!(node instanceof Map<?, ?> map)) {
            return node;
        }
        Map<String, Object> out = copy(map);
        if ("*".equals(segment)) {
            out.replaceAll((k, v) -> apply(v, path, i + 1, f));
        } else if (out.get(segment) != null) {
            out.put(segment, apply(out.get(segment), path, i + 1, f));
        }
        return out;
    }

    private static Object keep(Object change, Object stored, List<String> path, int i, String where) {
        if (i == path.size()) {
            if (MASK.equals(change)) {
                if (stored instanceof String) {
                    return stored;
                }
                throw new InvalidRequestException(where + ": the mask " + MASK + " stands for a stored secret, and"
                        + " none is stored");
            }
            return change;
        }
        String segment = path.get(i);
        if ("[]".equals(segment)) {
            if (!(change instanceof List<?> list)) {
                return change;
            }
            List<?> storedList = stored instanceof List<?> l ? l : List.of();
            List<Object> out = new ArrayList<>(list.size());
            for (int j = 0; j < list.size(); j++) {
                out.add(keep(list.get(j), j < storedList.size() ? storedList.get(j) : null, path, i + 1,
                        where + "[" + j + "]"));
            }
            return out;
        }
        if (!(change instanceof Map<?, ?> map)) {
            return change;
        }
        Map<?, ?> storedMap = stored instanceof Map<?, ?> m ? m : Map.of();
        Map<String, Object> out = copy(map);
        if ("*".equals(segment)) {
            out.replaceAll((k, v) -> keep(v, storedMap.get(k), path, i + 1, name(where, k)));
        } else if (out.get(segment) != null) {
            out.put(segment, keep(out.get(segment), storedMap.get(segment), path, i + 1, name(where, segment)));
        }
        return out;
    }

    private static String name(String where, String key) {
        return where.isEmpty() ? key : where + "." + key;
    }

    private static Map<String, Object> copy(Map<?, ?> map) {
        Map<String, Object> out = new LinkedHashMap<>();
        map.forEach((k, v) -> out.put(String.valueOf(k), v));
        return out;
    }

    @Override
    public String toString() {
        return "SecretFields" + Arrays.toString(paths.toArray());
    }
}
