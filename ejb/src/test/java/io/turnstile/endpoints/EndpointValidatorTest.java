package io.turnstile.endpoints;

import io.turnstile.endpoints.EndpointValidator.Mode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EndpointValidatorTest {

    private static EndpointValidator.Result create(EndpointFields f) {
        return EndpointValidator.validate(f, Mode.CREATE);
    }

    private static EndpointFields mac(String mac) {
        return EndpointFields.of(mac, null, null, null, null, null, null);
    }

    private static EndpointFields vlan(String vlan) {
        return EndpointFields.of("001b2c3d4e5f", null, null, vlan, null, null, null);
    }

    private static EndpointFields labels(String... labels) {
        return EndpointFields.of("001b2c3d4e5f", null, Arrays.asList(labels), null, null, null, null);
    }

    private static void assertError(EndpointValidator.Result result, String expected) {
        assertTrue(result.errors().contains(expected), () -> "expected '" + expected + "' in " + result.errors());
        assertNull(result.fields());
    }

    @Test
    void normalizesAValidUsermac() {
        var result = create(EndpointFields.of(" 00:1B:2C:3D:4E:5F ", " printer ", List.of(" it ", "bldg1", "it"),
                " 0030 ", " printers ", " VIP ", " Canon\nfloor 2 "));
        assertTrue(result.valid(), result.errors()::toString);
        var f = result.fields();
        assertEquals("001b2c3d4e5f", f.mac());
        assertEquals("printer", f.name());
        assertEquals(List.of("it", "bldg1"), f.labels());
        assertEquals("30", f.vlan());
        assertEquals("printers", f.role());
        assertEquals("VIP", f.radiusGroup());
        assertEquals("Canon\nfloor 2", f.notes());
    }

    @Test
    void macIsRequiredOnCreateButNotOnUpdate() {
        assertError(create(mac(null)), "mac is required");
        assertError(create(mac("  ")), "mac is required");
        assertError(EndpointValidator.validate(mac(null), Mode.IMPORT), "mac is required");
        assertTrue(EndpointValidator.validate(mac(null), Mode.UPDATE).valid());
        assertError(EndpointValidator.validate(mac(""), Mode.UPDATE), "mac is required");
    }

    @Test
    void macMustBeValidAndNotLocallyAdministered() {
        assertError(create(mac("92zz")), "mac invalid");
        assertError(create(mac("da:a1:19:00:00:01")), EndpointValidator.MAC_LOCAL);
        assertTrue(EndpointValidator.MAC_LOCAL.contains("only non-local-admin MAC is accepted"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"1", "30", "4094", "vlan-100", "Corp_IoT.2", "a", "abcdefghijklmnopqrstuvwxyz012345"})
    void vlanIdOrName(String value) {
        assertTrue(create(vlan(value)).valid(), value);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "4095", "99999", "00000", "12345678901", "vlan 100", "vlan/100", "vlän", "vlan,100",
            "abcdefghijklmnopqrstuvwxyz0123456"})
    void vlanRejected(String value) {
        assertError(create(vlan(value)), EndpointValidator.VLAN_INVALID);
    }

    @Test
    void vlanNormalForm() {
        assertEquals("7", create(vlan("007")).fields().vlan());
        assertNull(create(vlan("")).fields().vlan(), "empty on create is no vlan");
        assertEquals("", EndpointValidator.validate(vlan(" "), Mode.UPDATE).fields().vlan(), "empty on update clears");
    }

    @Test
    void labelRules() {
        assertTrue(create(labels("a".repeat(32))).valid());
        assertError(create(labels("a".repeat(33))), "labels: '" + "a".repeat(33) + "' longer than 32 characters");
        assertError(create(labels("ok", " ")), "labels: empty label");
        assertError(create(labels("ok", null)), "labels: empty label");
        assertError(create(labels("bldg1,flor1")), "labels: 'bldg1,flor1' contains ','");
        assertError(create(labels("tab\there")), "labels: 'tab\there' contains control characters");

        List<String> many = new ArrayList<>();
        for (int i = 0; i < 64; i++) {
            many.add("l" + i);
        }
        assertTrue(create(labels(many.toArray(String[]::new))).valid());
        many.add("l64");
        assertError(create(labels(many.toArray(String[]::new))), "labels: more than 64 labels");
        many.set(64, "l0");
        assertTrue(create(labels(many.toArray(String[]::new))).valid(), "duplicates count once");
    }

    @Test
    void textLengths() {
        assertTrue(create(EndpointFields.of("001b2c3d4e5f", "n".repeat(64), null, null, "r".repeat(64),
                "g".repeat(64), "x".repeat(256))).valid());
        assertError(create(EndpointFields.of("001b2c3d4e5f", "n".repeat(65), null, null, null, null, null)),
                "name longer than 64 characters");
        assertError(create(EndpointFields.of("001b2c3d4e5f", null, null, null, "r".repeat(65), null, null)),
                "role longer than 64 characters");
        assertError(create(EndpointFields.of("001b2c3d4e5f", null, null, null, null, "g".repeat(65), null)),
                "radius_group longer than 64 characters");
        assertError(create(EndpointFields.of("001b2c3d4e5f", null, null, null, null, null, "x".repeat(257))),
                "notes longer than 256 characters");
        assertError(create(EndpointFields.of("001b2c3d4e5f", "a\u0000b", null, null, null, null, null)),
                "name contains control characters");
    }

    @Test
    void reportsEveryProblemAtOnce() {
        var result = create(EndpointFields.of("zz", "n".repeat(65), List.of(""), "0", null, null, null));
        assertEquals(4, result.errors().size(), result.errors()::toString);
    }

    @Test
    void updateKeepsAbsentAndEmptyApart() {
        var result = EndpointValidator.validate(new EndpointFields("id-1", null, "", List.of(), null, null, null,
                null), Mode.UPDATE);
        assertTrue(result.valid());
        assertNull(result.fields().mac());
        assertEquals("", result.fields().name(), "empty means clear");
        assertEquals(List.of(), result.fields().labels());
        assertNull(result.fields().vlan(), "absent means leave");
        assertEquals("id-1", result.fields().id());
    }

    @Test
    void describeNamesTheMacAsGiven() {
        assertEquals("92zz - mac invalid", EndpointValidator.describe(EndpointValidator.subject(mac(" 92zz ")),
                EndpointValidator.MAC_INVALID));
        assertEquals("mac is required", EndpointValidator.describe(EndpointValidator.subject(mac("")),
                "mac is required"));
    }
}
