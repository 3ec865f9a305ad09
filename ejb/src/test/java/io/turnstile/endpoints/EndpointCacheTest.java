package io.turnstile.endpoints;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EndpointCacheTest {

    static final class MutableClock extends Clock {
        long millis = 1_000_000;

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return Instant.ofEpochMilli(millis);
        }
    }

    /** A database of one endpoint per org, counting reads. */
    static final class Loader implements BiFunction<String, String, Optional<Endpoint>> {
        final List<String> reads = new ArrayList<>();
        String vlan = "30";

        @Override
        public Optional<Endpoint> apply(String org, String mac) {
            reads.add(org + "/" + mac);
            return mac.equals("001b2c3d4e01")
                    ? Optional.of(new Endpoint("id-" + org, org, mac, null, List.of(), vlan, null, null, null))
                    : Optional.empty();
        }
    }

    final MutableClock clock = new MutableClock();
    final Loader db = new Loader();
    final EndpointCache cache = new EndpointCache(clock, Duration.ofSeconds(5), 1000);

    @Test
    void hitsAndMissesAreCached() {
        assertEquals("30", cache.get("org-a", "001b2c3d4e01", db).orElseThrow().vlan());
        assertTrue(cache.get("org-a", "001b2c3d4eff", db).isEmpty());
        for (int i = 0; i < 10; i++) {
            cache.get("org-a", "001b2c3d4e01", db);
            cache.get("org-a", "001b2c3d4eff", db);
        }
        assertEquals(List.of("org-a/001b2c3d4e01", "org-a/001b2c3d4eff"), db.reads);
    }

    @Test
    void entriesExpireAfterTheTtl() {
        cache.get("org-a", "001b2c3d4e01", db);
        clock.millis += 4_999;
        cache.get("org-a", "001b2c3d4e01", db);
        assertEquals(1, db.reads.size());
        db.vlan = "31"; // written on another node: no event here
        clock.millis += 1;
        assertEquals("31", cache.get("org-a", "001b2c3d4e01", db).orElseThrow().vlan());
        assertEquals(2, db.reads.size());
    }

    @Test
    void invalidationDropsOnlyThatOrg() {
        cache.get("org-a", "001b2c3d4e01", db);
        cache.get("org-a", "001b2c3d4eff", db);
        cache.get("org-b", "001b2c3d4e01", db);
        db.vlan = "31";
        cache.invalidateOrg("org-a");
        assertEquals("31", cache.get("org-a", "001b2c3d4e01", db).orElseThrow().vlan());
        cache.get("org-a", "001b2c3d4eff", db);
        assertEquals("30", cache.get("org-b", "001b2c3d4e01", db).orElseThrow().vlan(), "org-b untouched");
        assertEquals(5, db.reads.size());
    }

    @Test
    void negativeEntryIsDroppedWhenTheMacIsAdded() {
        assertTrue(cache.get("org-a", "001b2c3d4e77", db).isEmpty());
        cache.invalidateOrg("org-a"); // the create's event, after commit
        var created = cache.get("org-a", "001b2c3d4e77", (org, mac) ->
                Optional.of(new Endpoint("x", org, mac, null, List.of(), "40", null, null, null)));
        assertEquals("40", created.orElseThrow().vlan());
    }

    @Test
    void aLoadThatRacedWithAWriteIsNotServedAfterwards() {
        // The lookup reads the old row; before it stores it, the write commits and invalidates.
        var stale = cache.get("org-a", "001b2c3d4e01", (org, mac) -> {
            Optional<Endpoint> old = db.apply(org, mac);
            db.vlan = "31";
            cache.invalidateOrg(org);
            return old;
        });
        assertEquals("30", stale.orElseThrow().vlan());
        assertEquals("31", cache.get("org-a", "001b2c3d4e01", db).orElseThrow().vlan(), "next lookup reloads");
    }

    @Test
    void loaderFailureCachesNothing() {
        assertThrows(IllegalStateException.class, () -> cache.get("org-a", "001b2c3d4e01", (o, m) -> {
            throw new IllegalStateException("database down");
        }));
        assertEquals(0, cache.size());
        assertEquals("30", cache.get("org-a", "001b2c3d4e01", db).orElseThrow().vlan());
    }

    @Test
    void sizeIsBounded() {
        EndpointCache small = new EndpointCache(clock, Duration.ofSeconds(5), 100);
        for (int i = 0; i < 1000; i++) {
            small.get("org-a", String.format("00%010x", i), db);
            assertTrue(small.size() <= 100, "size " + small.size());
        }
        String last = String.format("00%010x", 999);
        int reads = db.reads.size();
        small.get("org-a", last, db);
        assertEquals(reads, db.reads.size(), "the newest entry survives a sweep");
    }

    @Test
    void sweepPrefersExpiredAndInvalidatedEntries() {
        EndpointCache small = new EndpointCache(clock, Duration.ofSeconds(5), 10);
        for (int i = 0; i < 5; i++) {
            small.get("org-keep", String.format("00%010x", i), db);
        }
        for (int i = 0; i < 5; i++) {
            small.get("org-gone", String.format("00%010x", i), db);
        }
        small.invalidateOrg("org-gone");
        small.get("org-keep", "00000000ffff", db); // at the bound: sweeps the 5 superseded entries
        assertEquals(6, small.size());
        int reads = db.reads.size();
        for (int i = 0; i < 5; i++) {
            small.get("org-keep", String.format("00%010x", i), db);
        }
        assertEquals(reads, db.reads.size(), "valid entries kept");
    }
}
