package io.turnstile.events;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EventIdsTest {

    /** RFC 9562 Appendix A.6: the UUIDv7 example for 2022-02-22 19:22:22 UTC (0x017F22E279B0). */
    @Test
    void matchesTheRfc9562ExampleLayout() {
        // rand_a 0xCC3, rand_b 0x18C4DC0C0C07398F with the variant bits set, as in the example
        String id = EventIds.of(0x017F22E279B0L, 0xCC3L, 0x18C4DC0C0C07398FL);
        assertEquals("017f22e2-79b0-7cc3-98c4-dc0c0c07398f", id);
        UUID u = UUID.fromString(id);
        assertEquals(7, u.version());
        assertEquals(2, u.variant());
    }

    @Test
    void idsSortByTimeAsTextAndAreUnique() {
        Set<String> seen = new HashSet<>();
        String previous = "";
        for (long ms = 1_700_000_000_000L; ms < 1_700_000_000_000L + 2_000; ms += 7) {
            String id = EventIds.at(Instant.ofEpochMilli(ms));
            assertEquals(36, id.length());
            assertTrue(id.compareTo(previous) > 0, previous + " then " + id);
            assertEquals(ms, UUID.fromString(id).getMostSignificantBits() >>> 16, "timestamp field");
            assertTrue(seen.add(id));
            previous = id;
        }
        for (int i = 0; i < 10_000; i++) { // same millisecond: the random bits keep them apart
            assertTrue(seen.add(EventIds.at(Instant.ofEpochMilli(1_800_000_000_000L))));
        }
    }
}
