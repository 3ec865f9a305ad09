package io.turnstile.endpoints;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MacAddressTest {

    @ParameterizedTest
    @ValueSource(strings = {
            "aabbccddeeff", "AABBCCDDEEFF", "AaBbCcDdEeFf",
            "aa:bb:cc:dd:ee:ff", "AA:BB:CC:DD:EE:FF",
            "aa-bb-cc-dd-ee-ff", "AA-BB-CC-DD-EE-FF",
            "aabb.ccdd.eeff", "AABB.CCDD.EEFF",
            "aabb-ccdd-eeff", "AABB-CCDD-EEFF",
            "aabbcc-ddeeff",
            "  aa:bb:cc:dd:ee:ff  ", "\taabbccddeeff\r\n"})
    void acceptsEveryCommonNotation(String text) {
        assertEquals("aabbccddeeff", MacAddress.parse(text).orElseThrow().compact());
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {
            "", "   ", "aabbccddeef", "aabbccddeeff0", "aabbccddeefg", "gabbccddeeff",
            "aa:bb:cc:dd:ee", "aa:bb:cc:dd:ee:ff:00", "aa:bb:cc:dd:ee:f", "aa:bb:cc:dd:eeff:",
            "aa:bb-cc:dd:ee:ff", "aa.bb.cc.dd.ee.ff", "aa bb cc dd ee ff", "aabb:ccdd:eeff", "aabb.ccdd-eeff",
            "aabbcc:ddeeff", "aabbcc.ddeeff", ":aabbccddeeff", "aab:bcc:dde:eff",
            "aa::bb:cc:dd:eef", "a a:bb:cc:dd:ee:f", "0x:bb:cc:dd:ee:ff", "+abbccddeeff", "-abbccddeeff",
            "ａａbbccddeeff", "١١bbccddeeff", "aa:bb:cc:dd:ee:ff\u0000"})
    void rejectsEverythingElse(String text) {
        assertTrue(MacAddress.parse(text).isEmpty(), () -> "accepted " + text);
    }

    @Test
    void formats() {
        MacAddress mac = MacAddress.parse("00-1B-2C-3D-4E-5F").orElseThrow();
        assertEquals("001b2c3d4e5f", mac.compact());
        assertEquals("00:1b:2c:3d:4e:5f", mac.colonSeparated());
        assertEquals("001b2c", mac.oui());
    }

    @Test
    void flagsOfTheFirstOctet() {
        MacAddress universal = MacAddress.parse("00:1b:2c:3d:4e:5f").orElseThrow();
        assertFalse(universal.locallyAdministered());
        assertFalse(universal.multicast());

        MacAddress random = MacAddress.parse("da:a1:19:00:00:01").orElseThrow(); // 0xda = 1101 1010: U/L set
        assertTrue(random.locallyAdministered());
        assertFalse(random.multicast());

        MacAddress group = MacAddress.parse("01:00:5e:00:00:fb").orElseThrow(); // 0x01: I/G set
        assertTrue(group.multicast());
        assertFalse(group.locallyAdministered());

        MacAddress broadcast = MacAddress.parse("ff:ff:ff:ff:ff:ff").orElseThrow();
        assertTrue(broadcast.multicast());
        assertTrue(broadcast.locallyAdministered());

        for (char second : "2367abef".toCharArray()) {
            assertTrue(MacAddress.parse("0" + second + "0000000000").orElseThrow().locallyAdministered(),
                    "0" + second);
        }
        for (char second : "014589cd".toCharArray()) {
            assertFalse(MacAddress.parse("0" + second + "0000000000").orElseThrow().locallyAdministered(),
                    "0" + second);
        }
    }

    @Test
    void equalWhateverTheNotation() {
        assertEquals(MacAddress.parse("AABB.CCDD.EEFF"), MacAddress.parse("aa-bb-cc-dd-ee-ff"));
    }

    @Test
    void constructorTakesOnlyTheCompactForm() {
        assertEquals("aabbccddeeff", new MacAddress("aabbccddeeff").compact());
        assertThrows(IllegalArgumentException.class, () -> new MacAddress("AABBCCDDEEFF"));
        assertThrows(IllegalArgumentException.class, () -> new MacAddress("aa:bb:cc:dd:ee:ff"));
        assertThrows(IllegalArgumentException.class, () -> new MacAddress(null));
    }
}
