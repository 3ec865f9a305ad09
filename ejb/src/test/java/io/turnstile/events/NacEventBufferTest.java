package io.turnstile.events;

import io.turnstile.platform.MutableClock;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NacEventBufferTest {

    static NacEvent event(String mac, long at) {
        return new NacEvent(null, "org", null, Instant.ofEpochMilli(at), "NAC_CLIENT_PERMIT", mac, "u", "mab", "wired",
                "192.0.2.1", "juniper", null, "10", null, null, null, null, null, null, null, null, null);
    }

    static final class Counting implements NacEventCounters {
        int queued;
        int dropped;
        int written;
        int failed;

        @Override
        public synchronized void queued() {
            queued++;
        }

        @Override
        public synchronized void dropped() {
            dropped++;
        }

        @Override
        public synchronized void written(int n) {
            written += n;
        }

        @Override
        public synchronized void failed(int n) {
            failed += n;
        }
    }

    static final class Captured extends Handler {
        final List<LogRecord> records = new ArrayList<>();

        @Override
        public synchronized void publish(LogRecord r) {
            records.add(r);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }

        long warnings() {
            return records.stream().filter(r -> r.getLevel() == Level.WARNING).count();
        }
    }

    static Logger logger(Captured captured) {
        Logger log = Logger.getAnonymousLogger();
        log.setUseParentHandlers(false);
        log.addHandler(captured);
        log.setLevel(Level.ALL);
        return log;
    }

    @Test
    void fullQueueDropsCountsAndWarnsAtMostOnceAMinute() {
        MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
        Counting counters = new Counting();
        Captured log = new Captured();
        NacEventBuffer buffer = new NacEventBuffer(3, clock, counters, logger(log));
        for (int i = 0; i < 3; i++) {
            assertTrue(buffer.offer(event("aabbccddee0" + i, i)));
        }
        for (int i = 0; i < 100; i++) {
            assertFalse(buffer.offer(event("aabbccddeeff", i)));
        }
        assertEquals(3, counters.queued);
        assertEquals(100, counters.dropped);
        assertEquals(100, buffer.droppedTotal());
        assertEquals(1, log.warnings(), "one warning, not a hundred");
        clock.advance(Duration.ofSeconds(59));
        buffer.offer(event("aabbccddeeff", 0));
        assertEquals(1, log.warnings());
        clock.advance(Duration.ofSeconds(1));
        buffer.offer(event("aabbccddeeff", 0));
        assertEquals(2, log.warnings());
        assertTrue(log.records.get(1).getMessage().contains("dropped 101 events since the last warning, 102 in all"),
                log.records.get(1).getMessage());
    }

    @Test
    void drainsInOrderInBatches() {
        NacEventBuffer buffer = new NacEventBuffer(10, java.time.Clock.systemUTC(), NacEventCounters.NONE,
                Logger.getAnonymousLogger());
        for (int i = 0; i < 7; i++) {
            buffer.offer(event("aabbccddee0" + i, i));
        }
        List<NacEvent> first = buffer.drain(5);
        assertEquals(5, first.size());
        assertEquals("aabbccddee00", first.get(0).mac());
        assertEquals(2, buffer.drain(5).size());
        assertTrue(buffer.drain(5).isEmpty());
    }
}
