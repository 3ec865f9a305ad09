package io.turnstile.radius;

import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricUnits;

import java.time.Duration;
import java.time.Instant;

/**
 * The Access-Request latency metric: from the packet's arrival at the adapter to the reply, in whole microseconds, as
 * a histogram named with its unit ({@code radius_access_latency_microseconds} in {@code /metrics}).
 *
 * <p>Why not a MicroProfile {@code Timer}: Payara Micro 6 exports a timer as {@code <name>_seconds}, but only
 * {@code _sum} is converted to seconds; the quantiles, {@code _mean} and {@code _max} come out in nanoseconds (a 20 ms
 * request showed as 2.0E7 "seconds"). A histogram with no declared unit is exported as recorded, so the name carries
 * the unit and every figure is in it.
 */
final class AccessLatency {

    static final String NAME = "radius.access.latency.microseconds";

    static final Metadata METADATA = Metadata.builder()
            .withName(NAME)
            .withDescription("Access-Request latency, arrival at the RADIUS adapter to reply, in microseconds")
            .withUnit(MetricUnits.NONE)
            .build();

    private AccessLatency() {
    }

    /** Microseconds from {@code received} to {@code answered}; 0 if the clock went backwards. */
    static long micros(Instant received, Instant answered) {
        return Math.max(0, Duration.between(received, answered).toNanos() / 1_000);
    }
}
