package io.turnstile.platform;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * Times as the contract writes them: epoch seconds, a whole number when the time is on a second, else with the
 * milliseconds as a fraction ({@code 1691512031.358}).
 */
public final class EpochSeconds {

    private EpochSeconds() {
    }

    /** A {@code Long} or a {@code BigDecimal} with three decimals; null for null. */
    public static Number of(Instant t) {
        return t == null ? null : ofMillis(t.toEpochMilli());
    }

    public static Number ofMillis(long millis) {
        return millis % 1000 == 0 ? Long.valueOf(millis / 1000) : BigDecimal.valueOf(millis, 3);
    }

    public static Number ofMillis(Long millis) {
        return millis == null ? null : ofMillis(millis.longValue());
    }
}
