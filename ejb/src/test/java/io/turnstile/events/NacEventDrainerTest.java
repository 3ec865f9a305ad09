package io.turnstile.events;

import io.turnstile.platform.MutableClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.logging.Logger;

import static io.turnstile.events.NacEventBufferTest.event;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NacEventDrainerTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
    private final NacEventBufferTest.Counting counters = new NacEventBufferTest.Counting();
    private final Logger log = NacEventBufferTest.logger(new NacEventBufferTest.Captured());
    private NacEventBuffer buffer;
    private final List<List<NacEvent>> batches = new ArrayList<>();
    private final List<NacEvent> stored = new ArrayList<>();
    private boolean databaseUp = true;
    private Predicate<NacEvent> bad = e -> false;

    private final Consumer<List<NacEvent>> writer = batch -> {
        batches.add(List.copyOf(batch));
        if (!databaseUp) {
            throw new IllegalStateException("connection refused");
        }
        if (batch.stream().anyMatch(bad)) {
            throw new IllegalStateException("constraint violated");
        }
        stored.addAll(batch);
    };

    @BeforeEach
    void setUp() {
        buffer = new NacEventBuffer(10_000, clock, counters, log);
    }

    private NacEventDrainer drainer(int batchSize) {
        return new NacEventDrainer(buffer, writer, batchSize, clock, counters, log);
    }

    private void queue(int n) {
        for (int i = 0; i < n; i++) {
            buffer.offer(event(String.format("aabbcc%06d", i), i));
        }
    }

    @Test
    void writesEverythingInBatchesOfAtMostTheBatchSize() {
        queue(1234);
        drainer(500).drainOnce();
        assertEquals(List.of(500, 500, 234), batches.stream().map(List::size).toList());
        assertEquals(1234, stored.size());
        assertEquals(1234, counters.written);
        assertEquals(0, buffer.size());
    }

    @Test
    void isolatesABadEventAndKeepsTheRest() {
        queue(10);
        bad = e -> e.mac().equals("aabbcc000004");
        drainer(500).drainOnce();
        assertEquals(9, stored.size());
        assertEquals(9, counters.written);
        assertEquals(1, counters.failed);
        assertTrue(stored.stream().noneMatch(bad));
    }

    @Test
    void keepsTheBatchAndBacksOffWhileTheDatabaseIsDown() {
        queue(600);
        NacEventDrainer d = drainer(500);
        databaseUp = false;
        d.drainOnce();
        assertEquals(500, d.pendingSize());
        assertEquals(100, buffer.size());
        assertEquals(2, batches.size(), "the batch, then its first event alone; no event-by-event storm");
        d.drainOnce();
        assertEquals(2, batches.size(), "backing off");
        clock.advance(Duration.ofMillis(NacEventDrainer.MIN_BACKOFF_MILLIS));
        d.drainOnce();
        assertEquals(4, batches.size());
        databaseUp = true;
        clock.advance(Duration.ofMillis(NacEventDrainer.MAX_BACKOFF_MILLIS));
        d.drainOnce();
        assertEquals(600, stored.size());
        assertEquals(0, counters.failed);
        assertEquals(0, d.pendingSize());
        assertEquals("aabbcc000000", stored.get(0).mac(), "order kept");
    }

    @Test
    void aLongOutageCostsOneEventPerRoundOfAttempts() {
        queue(3);
        NacEventDrainer d = drainer(500);
        databaseUp = false;
        for (int i = 0; i < NacEventDrainer.MAX_OUTAGE_ATTEMPTS; i++) {
            d.drainOnce();
            clock.advance(Duration.ofMillis(NacEventDrainer.MAX_BACKOFF_MILLIS));
        }
        assertEquals(1, counters.failed);
        assertEquals(2, d.pendingSize());
        databaseUp = true;
        clock.advance(Duration.ofMillis(NacEventDrainer.MAX_BACKOFF_MILLIS));
        d.drainOnce();
        assertEquals(2, stored.size());
    }

    @Test
    void aBadFirstEventDoesNotBlockForever() {
        queue(5);
        bad = e -> e.mac().equals("aabbcc000000");
        NacEventDrainer d = drainer(500);
        for (int i = 0; i < NacEventDrainer.MAX_OUTAGE_ATTEMPTS; i++) {
            d.drainOnce();
            clock.advance(Duration.ofMillis(NacEventDrainer.MAX_BACKOFF_MILLIS));
        }
        assertEquals(4, stored.size());
        assertEquals(1, counters.failed);
        assertEquals(0, d.pendingSize());
    }

    @Test
    void flushWritesWhatIsLeftAtShutdown() {
        queue(1200);
        NacEventDrainer d = drainer(500);
        assertEquals(0, d.flush(clock.millis() + 10_000));
        assertEquals(1200, stored.size());
        queue(10);
        databaseUp = false;
        assertEquals(10, d.flush(clock.millis() + 10_000), "reports what is lost");
    }
}
