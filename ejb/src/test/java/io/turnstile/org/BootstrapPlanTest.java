package io.turnstile.org;

import org.junit.jupiter.api.Test;

import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

class BootstrapPlanTest {

    private static final String KEY = "a-bootstrap-key-of-enough-length";

    @Test
    void firstStartWithoutConfiguredKeyGeneratesOne() {
        assertEquals(BootstrapPlan.GENERATE, BootstrapPlan.decide(Optional.empty(), false, k -> false));
        assertEquals(BootstrapPlan.GENERATE, BootstrapPlan.decide(Optional.of("  "), false, k -> false));
    }

    @Test
    void restartsChangeNothing() {
        assertEquals(BootstrapPlan.NOTHING, BootstrapPlan.decide(Optional.empty(), true, k -> false));
        assertEquals(BootstrapPlan.NOTHING, BootstrapPlan.decide(Optional.of(KEY), true, Set.of(KEY)::contains));
    }

    @Test
    void aConfiguredKeyNotStoredYetIsAdded() {
        assertEquals(BootstrapPlan.REGISTER_CONFIGURED, BootstrapPlan.decide(Optional.of(KEY), false, k -> false));
        assertEquals(BootstrapPlan.REGISTER_CONFIGURED, BootstrapPlan.decide(Optional.of(KEY), true,
                Set.of("an-older-bootstrap-key-value")::contains));
        assertEquals(BootstrapPlan.NOTHING, BootstrapPlan.decide(Optional.of(" " + KEY + "\n"), true,
                Set.of(KEY)::contains), "surrounding whitespace is not part of the key");
    }

    @Test
    void aWeakConfiguredKeyStopsTheStart() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> BootstrapPlan.decide(Optional.of("too-short"), false, k -> false));
        assertFalse(e.getMessage().contains("too-short"), "the key is not echoed");
    }
}
