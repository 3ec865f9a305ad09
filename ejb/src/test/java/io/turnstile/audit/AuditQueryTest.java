package io.turnstile.audit;

import io.turnstile.platform.InvalidRequestException;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class AuditQueryTest {

    static final Clock CLOCK = Clock.fixed(Instant.ofEpochSecond(1_700_000_000), ZoneOffset.UTC);

    @Test
    void defaultsAreTheLastDayNewestFirst() {
        AuditQuery q = AuditQuery.parse(null, null, " ", null, null, null, null, null, null, null, CLOCK);
        assertEquals("-timestamp", q.sort());
        assertEquals(1_700_000_000L - 86_400, q.window().startSeconds());
        assertEquals(1_700_000_000L, q.window().endSeconds());
        assertEquals(100, q.limit());
        assertEquals(0, q.offset());
        assertNull(q.adminName(), "a blank filter does not filter");
    }

    @Test
    void filtersAndPagingAreRead() {
        AuditQuery q = AuditQuery.parse(null, null, " ann@example.com ", "Usermac", "timestamp", "-2h", "now",
                null, "10", "3", CLOCK);
        assertEquals("ann@example.com", q.adminName());
        assertEquals("Usermac", q.message());
        assertEquals(20, q.offset());
        assertEquals(1_700_000_000L - 7_200, q.window().startSeconds());
    }

    @Test
    void unknownSortsAndBadWindowsAre400s() {
        assertThrows(InvalidRequestException.class, () -> AuditQuery.parse(null, null, null, null, "password",
                null, null, null, null, null, CLOCK));
        assertThrows(InvalidRequestException.class, () -> AuditQuery.parse(null, null, null, null, null,
                "now", "-1d", null, null, null, CLOCK));
        assertThrows(InvalidRequestException.class, () -> AuditQuery.parse(null, null, null, null, null,
                null, null, "7x", null, null, CLOCK));
    }
}
