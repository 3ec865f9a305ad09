package io.turnstile.platform;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class TimeWindowTest {

    private final MutableClock clock = new MutableClock(Instant.ofEpochSecond(1_700_000_000L, 250_000_000));
    private final long now = 1_700_000_000_250L;

    @Test
    void parsesDurations() {
        assertEquals(30_000, TimeWindow.parseDuration("30s"));
        assertEquals(600_000, TimeWindow.parseDuration("10m"));
        assertEquals(3_600_000, TimeWindow.parseDuration("1h"));
        assertEquals(86_400_000, TimeWindow.parseDuration("1d"));
        assertEquals(14 * 86_400_000L, TimeWindow.parseDuration("2w"));
        for (String bad : new String[]{"", "d", "1", "1y", "-1d", "1.5h", "0m", "1 d", "99999999999d", "4000d"}) {
            assertThrows(InvalidRequestException.class, () -> TimeWindow.parseDuration(bad), bad);
        }
    }

    @Test
    void defaultsToTheLastDay() {
        TimeWindow w = TimeWindow.parse(null, null, null, clock);
        assertEquals(now - 86_400_000, w.fromMillis());
        assertEquals(now, w.toMillis());
        assertEquals(1_699_913_600L, w.startSeconds());
        assertEquals(1_700_000_000L, w.endSeconds());
    }

    @Test
    void combinesStartEndAndDuration() {
        assertEquals(new TimeWindow(1_000_000, 2_000_500), TimeWindow.parse("1000", "2000.5", "1h", clock));
        assertEquals(new TimeWindow(2_000_000 - 600_000, 2_000_000),
                TimeWindow.parse(null, "2000", "10m", clock));
        assertEquals(new TimeWindow(1_000_000, 1_000_000 + 3_600_000), TimeWindow.parse("1000", "", "1h", clock));
        assertEquals(new TimeWindow(now - 7 * 86_400_000L, now), TimeWindow.parse(null, null, "7d", clock));
    }

    @Test
    void acceptsNowAndRelativeTimes() {
        assertEquals(new TimeWindow(now - 86_400_000, now), TimeWindow.parse("-1d", "now", null, clock));
        assertEquals(new TimeWindow(now - 2 * 3_600_000, now - 3_600_000), TimeWindow.parse("-2h", "-1h", null, clock));
    }

    @Test
    void refusesBadTimes() {
        assertThrows(InvalidRequestException.class, () -> TimeWindow.parse("yesterday", null, null, clock));
        assertThrows(InvalidRequestException.class, () -> TimeWindow.parse("2000", "1000", null, clock));
        assertThrows(InvalidRequestException.class, () -> TimeWindow.parse("-5", null, null, clock));
        assertThrows(InvalidRequestException.class, () -> TimeWindow.parse("1e400", null, null, clock));
        assertThrows(InvalidRequestException.class, () -> TimeWindow.parse(null, null, "1x", clock));
    }

    @Test
    void epochSecondsKeepMilliseconds() {
        assertEquals(1_700_000_000L, EpochSeconds.ofMillis(1_700_000_000_000L));
        assertEquals("1700000000.250", EpochSeconds.ofMillis(1_700_000_000_250L).toString());
        assertEquals(null, EpochSeconds.of(null));
    }
}
