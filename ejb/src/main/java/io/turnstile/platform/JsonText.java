package io.turnstile.platform;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * JSON text (RFC 8259) to and from plain Java values: objects are {@code LinkedHashMap<String, Object>} (order kept),
 * arrays {@code ArrayList<Object>}, numbers {@code Long} when integral and in range else {@code BigDecimal}, and
 * {@code String}, {@code Boolean}, {@code null}.
 *
 * <p>Why not JSON-P/JSON-B: the contract documents handled here are dynamic (client_ips keyed by address, event facts
 * merged as top-level fields, opaque mxcluster fields kept as text), and this way the code that stores and renders them
 * runs in plain unit tests, which have no JSON-P provider. The parser is strict (no duplicate keys, no trailing
 * content, nesting at most {@value #MAX_DEPTH} deep) because it reads request bodies.
 *
 * <p>Writing: map entries whose value is null are left out (as the REST layer's JSON-B config does); numbers are
 * written in plain notation (no exponent), so epoch times such as {@code 1691512031.358} stay readable.
 */
public final class JsonText {

    public static final int MAX_DEPTH = 64;

    private JsonText() {
    }

    /** Parses one JSON value. */
    public static Object parse(String text) {
        if (text == null) {
            throw new JsonTextException("no JSON text", 0);
        }
        Parser p = new Parser(text);
        p.skipWhitespace();
        Object value = p.value(0);
        p.skipWhitespace();
        if (p.pos != text.length()) {
            throw new JsonTextException("unexpected content after the JSON value", p.pos);
        }
        return value;
    }

    /** Parses a JSON object. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> parseObject(String text) {
        Object value = parse(text);
        if (!(value instanceof Map)) {
            throw new JsonTextException("expected a JSON object", 0);
        }
        return (Map<String, Object>) value;
    }

    /** Parses a JSON array of strings (as stored for labels and reply attributes); null text gives an empty list. */
    public static List<String> parseStringList(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        Object value = parse(text);
        if (!(value instanceof List<?> list)) {
            throw new JsonTextException("expected a JSON array", 0);
        }
        List<String> out = new ArrayList<>(list.size());
        for (Object o : list) {
            out.add(o == null ? null : o.toString());
        }
        return out;
    }

    public static String write(Object value) {
        StringBuilder out = new StringBuilder();
        write(value, out, 0);
        return out.toString();
    }

    private static void write(Object value, StringBuilder out, int depth) {
        if (depth > MAX_DEPTH) {
            throw new IllegalArgumentException("value nested deeper than " + MAX_DEPTH);
        }
        if (value == null) {
            out.append("null");
        } else if (value instanceof String s) {
            quote(s, out);
        } else if (value instanceof Boolean b) {
            out.append(b.booleanValue());
        } else if (value instanceof Long || value instanceof Integer || value instanceof Short
                || value instanceof Byte || value instanceof BigInteger) {
            out.append(value);
        } else if (value instanceof BigDecimal d) {
            out.append(d.toPlainString());
        } else if (value instanceof Double || value instanceof Float) {
            double d = ((Number) value).doubleValue();
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                throw new IllegalArgumentException("JSON has no NaN or infinity");
            }
            out.append(BigDecimal.valueOf(d).stripTrailingZeros().toPlainString());
        } else if (value instanceof Number n) {
            out.append(new BigDecimal(n.toString()).toPlainString());
        } else if (value instanceof Map<?, ?> map) {
            out.append('{');
            boolean first = true;
            for (Map.Entry<?, ?> e : map.entrySet()) {
                if (e.getValue() == null) {
                    continue;
                }
                if (!first) {
                    out.append(',');
                }
                first = false;
                quote(String.valueOf(e.getKey()), out);
                out.append(':');
                write(e.getValue(), out, depth + 1);
            }
            out.append('}');
        } else if (value instanceof Collection<?> list) {
            out.append('[');
            boolean first = true;
            for (Object o : list) {
                if (!first) {
                    out.append(',');
                }
                first = false;
                write(o, out, depth + 1);
            }
            out.append(']');
        } else if (value instanceof Enum<?> e) {
            quote(e.name(), out);
        } else {
            throw new IllegalArgumentException("cannot write a " + value.getClass().getName() + " as JSON");
        }
    }

    private static void quote(String s, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    if (c < 0x20 || c == '\u2028' || c == '\u2029') {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    /** Malformed JSON text, with the character offset where it went wrong. */
    public static final class JsonTextException extends IllegalArgumentException {

        private final int offset;

        JsonTextException(String message, int offset) {
            super(message + " (at character " + offset + ")");
            this.offset = offset;
        }

        public int offset() {
            return offset;
        }
    }

    private static final class Parser {

        private final String s;
        private int pos;

        Parser(String s) {
            this.s = s;
        }

        Object value(int depth) {
            if (depth > MAX_DEPTH) {
                throw new JsonTextException("JSON nested deeper than " + MAX_DEPTH, pos);
            }
            if (pos >= s.length()) {
                throw new JsonTextException("unexpected end of JSON", pos);
            }
            char c = s.charAt(pos);
            return switch (c) {
                case '{' -> object(depth);
                case '[' -> array(depth);
                case '"' -> string();
                case 't' -> literal("true", Boolean.TRUE);
                case 'f' -> literal("false", Boolean.FALSE);
                case 'n' -> literal("null", null);
                default -> {
                    if (c == '-' || (c >= '0' && c <= '9')) {
                        yield number();
                    }
                    throw new JsonTextException("unexpected character '" + c + "'", pos);
                }
            };
        }

        private Map<String, Object> object(int depth) {
            Map<String, Object> map = new LinkedHashMap<>();
            pos++;
            skipWhitespace();
            if (peek() == '}') {
                pos++;
                return map;
            }
            while (true) {
                skipWhitespace();
                if (peek() != '"') {
                    throw new JsonTextException("expected a string key", pos);
                }
                int keyAt = pos;
                String key = string();
                skipWhitespace();
                expect(':');
                skipWhitespace();
                Object v = value(depth + 1);
                if (map.containsKey(key)) {
                    throw new JsonTextException("duplicate key \"" + key + "\"", keyAt);
                }
                map.put(key, v);
                skipWhitespace();
                char c = next();
                if (c == '}') {
                    return map;
                }
                if (c != ',') {
                    throw new JsonTextException("expected ',' or '}'", pos - 1);
                }
            }
        }

        private List<Object> array(int depth) {
            List<Object> list = new ArrayList<>();
            pos++;
            skipWhitespace();
            if (peek() == ']') {
                pos++;
                return list;
            }
            while (true) {
                skipWhitespace();
                list.add(value(depth + 1));
                skipWhitespace();
                char c = next();
                if (c == ']') {
                    return list;
                }
                if (c != ',') {
                    throw new JsonTextException("expected ',' or ']'", pos - 1);
                }
            }
        }

        private String string() {
            expect('"');
            StringBuilder out = new StringBuilder();
            while (true) {
                if (pos >= s.length()) {
                    throw new JsonTextException("unterminated string", pos);
                }
                char c = s.charAt(pos++);
                if (c == '"') {
                    return out.toString();
                }
                if (c < 0x20) {
                    throw new JsonTextException("control character in string", pos - 1);
                }
                if (c != '\\') {
                    out.append(c);
                    continue;
                }
                char e = next();
                switch (e) {
                    case '"' -> out.append('"');
                    case '\\' -> out.append('\\');
                    case '/' -> out.append('/');
                    case 'b' -> out.append('\b');
                    case 'f' -> out.append('\f');
                    case 'n' -> out.append('\n');
                    case 'r' -> out.append('\r');
                    case 't' -> out.append('\t');
                    case 'u' -> {
                        if (pos + 4 > s.length()) {
                            throw new JsonTextException("truncated \\u escape", pos);
                        }
                        int cp = 0;
                        for (int i = 0; i < 4; i++) {
                            int d = Character.digit(s.charAt(pos++), 16);
                            if (d < 0) {
                                throw new JsonTextException("bad \\u escape", pos - 1);
                            }
                            cp = cp * 16 + d;
                        }
                        out.append((char) cp);
                    }
                    default -> throw new JsonTextException("bad escape '\\" + e + "'", pos - 1);
                }
            }
        }

        private Object number() {
            int start = pos;
            if (peek() == '-') {
                pos++;
            }
            if (peek() == '0') {
                pos++;
            } else if (isDigit(peek())) {
                while (isDigit(peek())) {
                    pos++;
                }
            } else {
                throw new JsonTextException("bad number", start);
            }
            boolean integral = true;
            if (peek() == '.') {
                integral = false;
                pos++;
                if (!isDigit(peek())) {
                    throw new JsonTextException("bad number", start);
                }
                while (isDigit(peek())) {
                    pos++;
                }
            }
            if (peek() == 'e' || peek() == 'E') {
                integral = false;
                pos++;
                if (peek() == '+' || peek() == '-') {
                    pos++;
                }
                if (!isDigit(peek())) {
                    throw new JsonTextException("bad number", start);
                }
                while (isDigit(peek())) {
                    pos++;
                }
            }
            String text = s.substring(start, pos);
            if (integral && text.length() <= 18) {
                return Long.parseLong(text);
            }
            return new BigDecimal(text);
        }

        private Object literal(String word, Object value) {
            if (!s.startsWith(word, pos)) {
                throw new JsonTextException("unexpected token", pos);
            }
            pos += word.length();
            return value;
        }

        void skipWhitespace() {
            while (pos < s.length()) {
                char c = s.charAt(pos);
                if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
                    pos++;
                } else {
                    return;
                }
            }
        }

        private char peek() {
            return pos < s.length() ? s.charAt(pos) : '\0';
        }

        private char next() {
            if (pos >= s.length()) {
                throw new JsonTextException("unexpected end of JSON", pos);
            }
            return s.charAt(pos++);
        }

        private void expect(char c) {
            if (next() != c) {
                throw new JsonTextException("expected '" + c + "'", pos - 1);
            }
        }

        private static boolean isDigit(char c) {
            return c >= '0' && c <= '9';
        }
    }
}
