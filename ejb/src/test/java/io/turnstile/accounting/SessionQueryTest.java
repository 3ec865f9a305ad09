package io.turnstile.accounting;

import io.turnstile.platform.InvalidRequestException;
import io.turnstile.platform.MutableClock;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class SessionQueryTest {

    private final MutableClock clock = new MutableClock(Instant.ofEpochSecond(1_700_000_000L));

    @Test
    void parsesFiltersAndPaging() {
        SessionQuery q = SessionQuery.parse(Map.of("mac", List.of("AA:BB:CC:DD:EE:FF"), "status", List.of("active"),
                "limit", List.of("5000"), "page", List.of("3"), "duration", List.of("1h")), clock);
        assertEquals("aabbccddeeff", q.mac());
        assertEquals("active", q.status());
        assertEquals(1000, q.limit(), "capped");
        assertEquals(3, q.page());
        assertEquals(2000, q.offset());
        assertEquals(1_700_000_000_000L - 3_600_000, q.window().fromMillis());
        assertNull(q.username());
    }

    @Test
    void defaults() {
        SessionQuery q = SessionQuery.parse(Map.of(), clock);
        assertEquals(100, q.limit());
        assertEquals(1, q.page());
        assertEquals(86_400_000, q.window().toMillis() - q.window().fromMillis());
    }

    @Test
    void refusesBadParameters() {
        assertThrows(InvalidRequestException.class, () -> SessionQuery.parse(Map.of("mac", List.of("nope")), clock));
        assertThrows(InvalidRequestException.class, () -> SessionQuery.parse(Map.of("status", List.of("gone")), clock));
        assertThrows(InvalidRequestException.class, () -> SessionQuery.parse(Map.of("limit", List.of("-1")), clock));
        assertThrows(InvalidRequestException.class, () -> SessionQuery.parse(Map.of("page", List.of("0")), clock));
        assertThrows(InvalidRequestException.class, () -> SessionQuery.parse(Map.of("page", List.of("x")), clock));
        assertThrows(InvalidRequestException.class, () -> SessionQuery.parse(Map.of("sort", List.of("mac")), clock));
        assertThrows(InvalidRequestException.class, () -> SessionQuery.parse(Map.of("mac",
                List.of("aabbccddeeff", "aabbccddee00")), clock));
    }
}
