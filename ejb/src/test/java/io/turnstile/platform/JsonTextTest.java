package io.turnstile.platform;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class JsonTextTest {

    @Test
    void parsesAllValueKinds() {
        Map<String, Object> m = JsonText.parseObject(
                " {\"a\": 1, \"b\": -2.50, \"c\": \"x\\n\\u00e9\\\"\", \"d\": [true, false, null], \"e\": {}, \"f\": 1e3,"
                        + " \"g\": 12345678901234567890} ");
        assertEquals(1L, m.get("a"));
        assertEquals(new BigDecimal("-2.50"), m.get("b"));
        assertEquals("x\né\"", m.get("c"));
        assertEquals(Arrays.asList(true, false, null), m.get("d"));
        assertEquals(Map.of(), m.get("e"));
        assertEquals(new BigDecimal("1e3"), m.get("f"));
        assertEquals(new BigDecimal("12345678901234567890"), m.get("g"));
        assertEquals(List.of("a", "b", "c", "d", "e", "f", "g"), new ArrayList<>(m.keySet()), "order kept");
    }

    @Test
    void refusesMalformedText() {
        for (String bad : new String[]{"", "{", "{\"a\":1,}", "[1,]", "{\"a\" 1}", "{a:1}", "01", "1.", "-", "tru",
                "\"\\x\"", "\"a\nb\"", "{\"a\":1} x", "{\"a\":1,\"a\":2}", "[\"\\u12\"]", "nul"}) {
            assertThrows(JsonText.JsonTextException.class, () -> JsonText.parse(bad), bad);
        }
        assertThrows(JsonText.JsonTextException.class, () -> JsonText.parseObject("[]"));
        assertThrows(JsonText.JsonTextException.class, () -> JsonText.parse(null));
    }

    @Test
    void limitsNesting() {
        String deep = "[".repeat(JsonText.MAX_DEPTH + 2) + "]".repeat(JsonText.MAX_DEPTH + 2);
        assertThrows(JsonText.JsonTextException.class, () -> JsonText.parse(deep));
        String ok = "[".repeat(10) + "]".repeat(10);
        JsonText.parse(ok);
    }

    @Test
    void writesCompactJsonWithoutNullEntries() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("s", "q\"b\\n\n\t\u0001");
        m.put("skip", null);
        m.put("n", 5);
        m.put("t", BigDecimal.valueOf(1691512031358L, 3));
        m.put("big", new BigDecimal("1E+3"));
        m.put("d", 0.5d);
        m.put("l", Arrays.asList(1L, null, false));
        assertEquals("{\"s\":\"q\\\"b\\\\n\\n\\t\\u0001\",\"n\":5,\"t\":1691512031.358,\"big\":1000,\"d\":0.5,"
                + "\"l\":[1,null,false]}", JsonText.write(m));
        assertThrows(IllegalArgumentException.class, () -> JsonText.write(Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> JsonText.write(new Object()));
    }

    @Test
    void roundTrips() {
        String text = "{\"mist_nac\":{\"enabled\":true,\"client_ips\":{\"10.0.0.0/8\":{\"secret\":\"s\\u2028\"}}},"
                + "\"tags\":[\"a\",\"b\"],\"x\":-0.001}";
        assertEquals(text, JsonText.write(JsonText.parse(text)));
    }

    @Test
    void stringLists() {
        assertEquals(List.of("a", "b"), JsonText.parseStringList("[\"a\",\"b\"]"));
        assertEquals(List.of(), JsonText.parseStringList(null));
        assertThrows(JsonText.JsonTextException.class, () -> JsonText.parseStringList("{}"));
        assertNull(JsonText.parse("null"));
    }
}
