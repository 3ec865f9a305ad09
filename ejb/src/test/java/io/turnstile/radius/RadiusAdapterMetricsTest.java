package io.turnstile.radius;

import io.turnstile.radius.inbound.DropReason;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;

class RadiusAdapterMetricsTest {

    @Test
    void everyDropReasonOfTheAdapterHasAMetric() {
        Set<String> adapter = Arrays.stream(DropReason.values()).map(r -> r.name().toLowerCase())
                .collect(Collectors.toSet());
        assertEquals(adapter, Set.copyOf(RadiusAdapterMetrics.DROP_REASONS));
    }
}
