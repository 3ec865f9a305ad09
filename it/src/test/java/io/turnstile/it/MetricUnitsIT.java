package io.turnstile.it;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Metric figures are in the unit their name declares: after real Access-Requests, the latency quantiles, sum and
 * maximum read from {@code /metrics} must be plausible for that unit (a request answered within radclient's time-out
 * took more than a microsecond and less than a minute), and so must every application metric named in seconds.
 */
class MetricUnitsIT {

    static final double MINUTE_MICROS = 60e6;

    @BeforeAll
    static void setUp() {
        assumeTrue(TurnstileUnderTest.enabled(), "integration tests run through ./turnstile test");
        TurnstileUnderTest.ensureRadiusClients();
    }

    @Test
    void accessLatencyIsInMicrosecondsAsItsNameSays() {
        for (int i = 0; i < 3; i++) {
            var r = Radclient.auth(Radclient.mab("001b2c3d4e9" + i));
            assertTrue(r.accepted() || r.rejected(), r.output());
        }
        String metrics = metrics();
        List<Double> quantiles = values(metrics, "radius_access_latency_microseconds\\{[^}]*quantile=\"[0-9.]+\"[^}]*\\}");
        assertFalse(quantiles.isEmpty(), metrics);
        for (double q : quantiles) {
            assertTrue(q >= 1 && q < MINUTE_MICROS, "quantile " + q + " µs is not plausible");
        }
        double count = values(metrics, "radius_access_latency_microseconds_count\\{[^}]*\\}").get(0);
        double sum = values(metrics, "radius_access_latency_microseconds_sum\\{[^}]*\\}").get(0);
        assertTrue(count >= 3, "count " + count);
        double mean = sum / count;
        assertTrue(mean >= 1 && mean < MINUTE_MICROS, "mean " + mean + " µs is not plausible");
        for (double max : values(metrics, "radius_access_latency_microseconds_max\\{[^}]*\\}")) {
            assertTrue(max >= 1 && max < MINUTE_MICROS, "max " + max + " µs is not plausible");
        }
    }

    @Test
    void noApplicationMetricInSecondsHoldsNanoseconds() {
        Radclient.auth(Radclient.mab("001b2c3d4e99"));
        String metrics = metrics();
        // A figure in seconds for anything Turnstile measures is below an hour; 2.0E7 would be nanoseconds.
        List<Double> seconds = values(metrics, "[a-z_]+_seconds(_max|_mean)?\\{[^}]*\\}");
        for (double v : seconds) {
            assertTrue(v < 3600, "a *_seconds metric reads " + v + ":\n" + metrics);
        }
        assertEquals(List.of(), values(metrics, "radius_access_latency_seconds[a-z_]*\\{[^}]*\\}"),
                "the latency is no longer a Timer exported in mixed units");
    }

    private static String metrics() {
        var r = TurnstileUnderTest.call("GET", "/metrics?scope=application", null, null, null);
        assertEquals(200, r.status(), r.body());
        return r.body();
    }

    private static List<Double> values(String metrics, String series) {
        Matcher m = Pattern.compile("(?m)^" + series + " (\\S+)$").matcher(metrics);
        List<Double> out = new ArrayList<>();
        while (m.find()) {
            out.add(Double.parseDouble(m.group(m.groupCount())));
        }
        return out;
    }
}
