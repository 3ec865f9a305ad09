package io.turnstile.radius;

import io.turnstile.policy.AuthType;
import io.turnstile.policy.PortType;
import io.turnstile.radius.api.NasClient;
import io.turnstile.radius.codec.RadiusAttribute;
import io.turnstile.radius.codec.RadiusPacket;
import io.turnstile.radius.codec.Rfc2865;
import io.turnstile.radius.codec.Rfc2869;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AccessRequestFactsReaderTest {

    private static final NasClient NAS = new NasClient("org", "c", "10.0.0.0/8", new byte[]{1}, "aruba", "site", true);

    private static RadiusPacket request(RadiusAttribute... attributes) {
        return new RadiusPacket(1, 1, new byte[16], List.of(attributes));
    }

    @Test
    void macAsUserNameIsMab() throws Exception {
        var facts = AccessRequestFactsReader.read(request(
                RadiusAttribute.ofString(Rfc2865.USER_NAME, "00-1B-2C-3D-4E-5F"),
                RadiusAttribute.ofString(Rfc2865.CALLED_STATION_ID, "AA-BB-CC-DD-EE-FF:Corp Wi-Fi"),
                RadiusAttribute.ofInt(Rfc2865.NAS_PORT_TYPE, 19),
                RadiusAttribute.ofAddress(Rfc2865.NAS_IP_ADDRESS, InetAddress.getByName("10.1.2.3"))),
                NAS, InetAddress.getByName("10.9.9.9")).orElseThrow();
        assertEquals(AuthType.MAB, facts.authType());
        assertEquals("001b2c3d4e5f", facts.mac().compact());
        assertEquals("Corp Wi-Fi", facts.ssid());
        assertEquals(PortType.WIRELESS, facts.portType());
        assertEquals("10.1.2.3", facts.nasIp(), "NAS-IP-Address wins over the source address");
        assertEquals("aruba", facts.nasVendor());
    }

    @Test
    void ciscoCallCheckUsesCallingStationId() throws Exception {
        var facts = AccessRequestFactsReader.read(request(
                RadiusAttribute.ofString(Rfc2865.USER_NAME, "host-without-mac-name"),
                RadiusAttribute.ofInt(Rfc2865.SERVICE_TYPE, Rfc2865.SERVICE_TYPE_CALL_CHECK),
                RadiusAttribute.ofString(Rfc2865.CALLING_STATION_ID, "001b.2c3d.4e5f"),
                RadiusAttribute.ofInt(Rfc2865.NAS_PORT_TYPE, 15)), NAS, InetAddress.getByName("10.9.9.9")).orElseThrow();
        assertEquals(AuthType.MAB, facts.authType());
        assertEquals("001b2c3d4e5f", facts.mac().compact());
        assertEquals(PortType.WIRED, facts.portType());
        assertEquals("10.9.9.9", facts.nasIp());
    }

    @Test
    void passwordLoginIsNeitherMabNorEap() throws Exception {
        assertTrue(AccessRequestFactsReader.read(request(RadiusAttribute.ofString(Rfc2865.USER_NAME, "alice")), NAS,
                InetAddress.getByName("10.9.9.9")).isEmpty());
    }

    @Test
    void eapIsNotMab() throws Exception {
        var facts = AccessRequestFactsReader.read(request(RadiusAttribute.ofString(Rfc2865.USER_NAME, "001b2c3d4e5f"),
                RadiusAttribute.ofBytes(Rfc2869.EAP_MESSAGE, new byte[]{2, 1, 0, 5, 1})), NAS,
                InetAddress.getByName("10.9.9.9")).orElseThrow();
        assertTrue(facts.authType() != AuthType.MAB);
    }

    @Test
    void ssidOnlyAfterAMacAndAColon() {
        assertEquals("Guest", AccessRequestFactsReader.ssid("aabbccddeeff:Guest"));
        assertEquals("Guest:5G", AccessRequestFactsReader.ssid("aa:bb:cc:dd:ee:ff:Guest:5G"));
        assertEquals("Corp", AccessRequestFactsReader.ssid("AA-BB-CC-DD-EE-FF:Corp"));
        assertNull(AccessRequestFactsReader.ssid("aa:bb:cc:dd:ee:ff"));
        assertNull(AccessRequestFactsReader.ssid("AA-BB-CC-DD-EE-FF"));
        assertNull(AccessRequestFactsReader.ssid("AA-BB-CC-DD-EE-FF:"));
        assertNull(AccessRequestFactsReader.ssid(null));
    }
}
