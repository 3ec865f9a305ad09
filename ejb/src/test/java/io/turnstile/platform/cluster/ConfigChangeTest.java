package io.turnstile.platform.cluster;

import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConfigChangeTest {

    private static final String ORG = "a057a0d2-1bde-4c8b-afc2-32156b98d697";

    @Test
    void roundTripsEveryKind() {
        for (ConfigChange.Kind k : ConfigChange.Kind.values()) {
            ConfigChange c = new ConfigChange(k, ORG, k == ConfigChange.Kind.SSO ? "5f1c2b3a-0000-4000-8000-000000000001" : null);
            assertEquals(Optional.of(c), ConfigChange.decode(c.encode()), k.name());
        }
        assertEquals("v1|NAS|" + ORG + "|", new ConfigChange(ConfigChange.Kind.NAS, ORG, null).encode());
    }

    @Test
    void refusesWhatIsNotAChange() {
        for (String wire : new String[]{null, "", "v1", "v1|NAS|" + ORG, "v2|NAS|" + ORG + "|", "v1|nas|" + ORG + "|",
                "v1|DROP|" + ORG + "|", "v1|NAS||", "v1|NAS|" + ORG + "|x|y", "v1|NAS|../../etc|",
                "v1|NAS|" + ORG + "|a b", "v1|NAS|" + "o".repeat(65) + "|", "v1|NAS|" + ORG + "|" + "x".repeat(300)}) {
            assertTrue(ConfigChange.decode(wire).isEmpty(), String.valueOf(wire));
        }
    }

    @Test
    void constructorValidatesIds() {
        assertThrows(IllegalArgumentException.class, () -> new ConfigChange(ConfigChange.Kind.NAS, "a|b", null));
        assertThrows(IllegalArgumentException.class, () -> new ConfigChange(ConfigChange.Kind.SSO, ORG, "x|y"));
        assertThrows(NullPointerException.class, () -> new ConfigChange(null, ORG, null));
    }
}
