package io.turnstile.radius;

import org.eclipse.microprofile.metrics.MetricUnits;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;

class AccessLatencyTest {

    @Test
    void recordsWholeMicroseconds() {
        Instant t0 = Instant.ofEpochSecond(1_700_000_000L, 123_456_789);
        assertEquals(20_000, AccessLatency.micros(t0, t0.plusNanos(20_000_999)));
        assertEquals(0, AccessLatency.micros(t0, t0.minusMillis(5)));
    }

    @Test
    void theNameCarriesTheUnitAndNoConversionIsDeclared() {
        assertEquals(MetricUnits.NONE, AccessLatency.METADATA.getUnit());
        assertEquals(true, AccessLatency.METADATA.getName().endsWith(".microseconds"));
    }
}
