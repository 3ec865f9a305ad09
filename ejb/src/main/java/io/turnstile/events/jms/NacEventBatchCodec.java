package io.turnstile.events.jms;

import io.turnstile.events.NacEvent;
import io.turnstile.events.NacEventRows;
import io.turnstile.platform.JsonText;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The body of one JMS message on {@code turnstile.nac-events}: a batch of NAC events as compact JSON text,
 * {@code {"v":1,"events":[{"id":…,"org_id":…,"ts":<epoch ms>,…,"facts":{…}}]}}, null fields left out.
 *
 * <p>JSON, not Java serialization: the queue may live on an external broker, and a message body is outside input. It
 * is written and read with {@link JsonText} (strict parser, bounded nesting) so the round trip runs in plain unit
 * tests. {@link #decode} checks every field's type and throws {@link MalformedBatchException} for anything else; the
 * MDB counts such a message as poison and consumes it (redelivery cannot repair it).
 *
 * <p>Facts are converted as the database writer would store them ({@link NacEventRows#jsonValue}): an Instant fact
 * becomes epoch seconds, an unknown type its text.
 */
public final class NacEventBatchCodec {

    static final int VERSION = 1;
    /** More than a publisher ever sends in one message (500); a bigger batch is treated as hostile. */
    static final int MAX_EVENTS = 10_000;
    /** 16 MiB of JSON text at most. */
    static final int MAX_CHARS = 16 * 1024 * 1024;

    private NacEventBatchCodec() {
    }

    /**
     * The queue's own format, deliberately not the contract's {@code event_nac_client} shape (REST {@code NacEventJson}):
     * it keeps the event id and millisecond time so that a redelivered batch is stored once and exactly.
     */
    public static String encode(List<NacEvent> events) {
        List<Object> out = new ArrayList<>(events.size());
        for (NacEvent e : events) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", e.id());
            m.put("org_id", e.orgId());
            m.put("site_id", e.siteId());
            m.put("ts", e.timestamp() == null ? null : e.timestamp().toEpochMilli());
            m.put("type", e.type());
            m.put("mac", e.mac());
            m.put("username", e.username());
            m.put("auth_type", e.authType());
            m.put("port_type", e.portType());
            m.put("nas_ip", e.nasIp());
            m.put("nas_vendor", e.nasVendor());
            m.put("ssid", e.ssid());
            m.put("vlan", e.vlan());
            m.put("vlan_source", e.vlanSource());
            m.put("role", e.role());
            m.put("nacrule_id", e.nacruleId());
            m.put("nacrule_name", e.nacruleName());
            m.put("nacrule_matched", e.nacruleMatched());
            m.put("usermac_labels", e.usermacLabels().isEmpty() ? null : nonNull(e.usermacLabels()));
            m.put("resp_attrs", e.respAttrs().isEmpty() ? null : nonNull(e.respAttrs()));
            m.put("reason", e.reason());
            if (!e.facts().isEmpty()) {
                Map<String, Object> facts = new LinkedHashMap<>();
                e.facts().forEach((k, v) -> {
                    if (k != null && v != null) {
                        facts.put(k, NacEventRows.jsonValue(v, 0));
                    }
                });
                m.put("facts", facts);
            }
            out.add(m);
        }
        Map<String, Object> batch = new LinkedHashMap<>();
        batch.put("v", VERSION);
        batch.put("events", out);
        return JsonText.write(batch);
    }

    /** Reads a message body written by {@link #encode}; throws {@link MalformedBatchException} for anything else. */
    public static List<NacEvent> decode(String body) {
        if (body == null) {
            throw new MalformedBatchException("no message body");
        }
        if (body.length() > MAX_CHARS) {
            throw new MalformedBatchException("message body too large: " + body.length() + " characters");
        }
        Map<String, Object> batch;
        try {
            batch = JsonText.parseObject(body);
        } catch (RuntimeException e) { // JsonTextException, and StackOverflowError is prevented by MAX_DEPTH
            throw new MalformedBatchException("not a JSON object: " + e.getMessage());
        }
        if (!(batch.get("v") instanceof Long v) || v != VERSION) {
            throw new MalformedBatchException("unknown batch version " + batch.get("v"));
        }
        if (!(batch.get("events") instanceof List<?> list)) {
            throw new MalformedBatchException("no events array");
        }
        if (list.size() > MAX_EVENTS) {
            throw new MalformedBatchException("too many events: " + list.size());
        }
        List<NacEvent> events = new ArrayList<>(list.size());
        for (int i = 0; i < list.size(); i++) {
            if (!(list.get(i) instanceof Map<?, ?> m)) {
                throw new MalformedBatchException("event " + i + " is not an object");
            }
            events.add(event(m, i));
        }
        return events;
    }

    private static NacEvent event(Map<?, ?> m, int i) {
        Object ts = m.get("ts");
        if (ts != null && !(ts instanceof Long)) {
            throw new MalformedBatchException("event " + i + ": ts is not an integer");
        }
        Object matched = m.get("nacrule_matched");
        if (matched != null && !(matched instanceof Boolean)) {
            throw new MalformedBatchException("event " + i + ": nacrule_matched is not a boolean");
        }
        Object facts = m.get("facts");
        if (facts != null && !(facts instanceof Map)) {
            throw new MalformedBatchException("event " + i + ": facts is not an object");
        }
        Map<String, Object> factMap = new LinkedHashMap<>();
        if (facts != null) {
            ((Map<?, ?>) facts).forEach((k, v) -> {
                if (v != null) {
                    factMap.put((String) k, v);
                }
            });
        }
        try {
            return new NacEvent(str(m, "id", i), str(m, "org_id", i), str(m, "site_id", i),
                    ts == null ? null : Instant.ofEpochMilli((Long) ts), str(m, "type", i), str(m, "mac", i),
                    str(m, "username", i), str(m, "auth_type", i), str(m, "port_type", i), str(m, "nas_ip", i),
                    str(m, "nas_vendor", i), str(m, "ssid", i), str(m, "vlan", i), str(m, "vlan_source", i),
                    str(m, "role", i), str(m, "nacrule_id", i), str(m, "nacrule_name", i), (Boolean) matched,
                    strings(m, "usermac_labels", i), strings(m, "resp_attrs", i), str(m, "reason", i), factMap);
        } catch (java.time.DateTimeException e) {
            throw new MalformedBatchException("event " + i + ": ts out of range");
        }
    }

    private static String str(Map<?, ?> m, String key, int i) {
        Object v = m.get(key);
        if (v != null && !(v instanceof String)) {
            throw new MalformedBatchException("event " + i + ": " + key + " is not a string");
        }
        return (String) v;
    }

    private static List<String> strings(Map<?, ?> m, String key, int i) {
        Object v = m.get(key);
        if (v == null) {
            return List.of();
        }
        if (!(v instanceof List<?> list)) {
            throw new MalformedBatchException("event " + i + ": " + key + " is not an array");
        }
        List<String> out = new ArrayList<>(list.size());
        for (Object x : list) {
            if (!(x instanceof String s)) {
                throw new MalformedBatchException("event " + i + ": " + key + " holds a non-string");
            }
            out.add(s);
        }
        return out;
    }

    private static List<String> nonNull(List<String> values) {
        List<String> out = new ArrayList<>(values.size());
        for (String v : values) {
            if (v != null) {
                out.add(v);
            }
        }
        return out;
    }

    /** A message body that is not a batch this codec wrote: poison, never redelivered. */
    public static final class MalformedBatchException extends IllegalArgumentException {
        public MalformedBatchException(String message) {
            super(message);
        }
    }
}
