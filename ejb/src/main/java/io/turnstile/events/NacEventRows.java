package io.turnstile.events;

import io.turnstile.endpoints.MacAddress;
import io.turnstile.persistence.events.NacEventRow;
import io.turnstile.platform.JsonText;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * {@link NacEvent} to and from a {@code nac_event} row. Writing is lenient, because one bad value must not sink a batch
 * of 500: text is cut to the column's length, a MAC that cannot be read is stored as null (and kept in the facts as
 * {@code mac_raw}), facts values that are not JSON values are stored as text. An event without org or type cannot be
 * stored at all ({@link #toRow} is empty).
 */
public final class NacEventRows {

    private NacEventRows() {
    }

    public static Optional<NacEventRow> toRow(NacEvent e, long nowMillis, Supplier<String> ids) {
        if (e == null || e.orgId() == null || e.type() == null || e.type().isBlank()) {
            return Optional.empty();
        }
        Map<String, Object> facts = new LinkedHashMap<>();
        e.facts().forEach((k, v) -> {
            if (k != null && v != null) {
                facts.put(k, jsonValue(v, 0));
            }
        });
        String mac = MacAddress.parse(e.mac()).map(MacAddress::compact).orElse(null);
        if (mac == null && e.mac() != null && !e.mac().isBlank()) {
            facts.put("mac_raw", clip(e.mac(), 64));
        }
        long ts = e.timestamp() != null ? e.timestamp().toEpochMilli() : nowMillis;
        return Optional.of(new NacEventRow(e.id() != null && e.id().length() <= 36 ? e.id() : ids.get(),
                clip(e.orgId(), 36), clip(e.siteId(), 36), ts, clip(e.type(), 64), mac, clip(e.username(), 253),
                clip(e.authType(), 32), clip(e.portType(), 16), clip(e.nasIp(), 45), clip(e.nasVendor(), 64),
                clip(e.ssid(), 128), clip(e.vlan(), 64), clip(e.vlanSource(), 32), clip(e.role(), 128),
                clip(e.nacruleId(), 64), clip(e.nacruleName(), 255), e.nacruleMatched(), list(e.usermacLabels()),
                list(e.respAttrs()), clip(e.reason(), 1024), facts.isEmpty() ? null : JsonText.write(facts)));
    }

    public static NacEvent fromRow(NacEventRow r) {
        Map<String, Object> facts = r.facts() == null ? Map.of() : withoutNulls(JsonText.parseObject(r.facts()));
        return new NacEvent(r.id(), r.orgId(), r.siteId(), Instant.ofEpochMilli(r.ts()), r.type(), r.mac(),
                r.username(), r.authType(), r.portType(), r.nasIp(), r.nasVendor(), r.ssid(), r.vlan(), r.vlanSource(),
                r.role(), r.nacruleId(), r.nacruleName(), r.nacruleMatched(), strings(r.usermacLabels()),
                strings(r.respAttrs()), r.reason(), facts);
    }

    static String clip(String s, int max) {
        if (s == null) {
            return null;
        }
        if (s.length() <= max) {
            return s;
        }
        int end = max;
        if (Character.isHighSurrogate(s.charAt(end - 1))) {
            end--;
        }
        return s.substring(0, end);
    }

    private static String list(List<String> values) {
        if (values == null || values.isEmpty()) {
            return null;
        }
        List<String> out = new ArrayList<>(values.size());
        for (String v : values) {
            if (v != null) {
                out.add(v);
            }
        }
        return JsonText.write(out);
    }

    static List<String> strings(String json) {
        List<String> out = new ArrayList<>();
        for (String s : JsonText.parseStringList(json)) {
            if (s != null) {
                out.add(s);
            }
        }
        return out;
    }

    private static Map<String, Object> withoutNulls(Map<String, Object> m) {
        Map<String, Object> out = new LinkedHashMap<>();
        m.forEach((k, v) -> {
            if (v != null) {
                out.put(k, v);
            }
        });
        return out;
    }

    /** A value JsonText can write: JSON-like values as they are, Instants as epoch seconds, anything else as text. */
    public static Object jsonValue(Object v, int depth) {
        if (v == null || v instanceof String || v instanceof Boolean || v instanceof Long || v instanceof Integer
                || v instanceof Short || v instanceof Byte || v instanceof BigDecimal || v instanceof java.math.BigInteger) {
            return v;
        }
        if (v instanceof Double d) {
            return d.isNaN() || d.isInfinite() ? d.toString() : v;
        }
        if (v instanceof Float f) {
            return f.isNaN() || f.isInfinite() ? f.toString() : v;
        }
        if (v instanceof Instant i) {
            return BigDecimal.valueOf(i.toEpochMilli(), 3);
        }
        if (v instanceof Enum<?> en) {
            return en.name();
        }
        if (depth >= 16) {
            return v.toString();
        }
        if (v instanceof Map<?, ?> m) {
            Map<String, Object> out = new LinkedHashMap<>();
            m.forEach((k, x) -> {
                if (k != null && x != null) {
                    out.put(k.toString(), jsonValue(x, depth + 1));
                }
            });
            return out;
        }
        if (v instanceof Collection<?> c) {
            List<Object> out = new ArrayList<>(c.size());
            c.forEach(x -> out.add(jsonValue(x, depth + 1)));
            return out;
        }
        return v.toString();
    }
}
