package io.turnstile.nas;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class IpPrefixTest {

    private static String norm(String s) {
        return IpPrefix.parse(s).toString();
    }

    @Test
    void normalizesIpv4() {
        assertEquals("10.0.0.1", norm("10.0.0.1"));
        assertEquals("10.0.0.1", norm("10.0.0.1/32"));
        assertEquals("10.0.0.0/8", norm("10.0.0.0/8"));
        assertEquals("0.0.0.0/0", norm("0.0.0.0/0"));
        assertEquals("192.168.1.128/25", norm(" 192.168.1.128/25 "));
        assertTrue(IpPrefix.parse("10.0.0.1").isHost());
        assertFalse(IpPrefix.parse("10.0.0.0/8").isHost());
    }

    @Test
    void normalizesIpv6PerRfc5952() {
        assertEquals("2001:db8::1", norm("2001:DB8:0:0:0:0:0:1"));
        assertEquals("2001:db8::1", norm("2001:0db8::0001/128"));
        assertEquals("2001:db8::/32", norm("2001:db8::/32"));
        assertEquals("2001:db8:0:1:1:1:1:1", norm("2001:db8:0:1:1:1:1:1"), "a single zero group is not compressed");
        assertEquals("2001:0:0:1::1", norm("2001:0:0:1:0:0:0:1"), "the longest run is compressed");
        assertEquals("2001:db8::1:0:0:1", norm("2001:db8:0:0:1:0:0:1"), "the first of equal runs");
        assertEquals("::", norm("::/128"));
        assertEquals("::/0", norm("::/0"));
        assertEquals("::1", norm("::1"));
        assertEquals("fe80::/10", norm("fe80::/10"));
        assertEquals("64:ff9b::c000:221", norm("64:ff9b::192.0.2.33"), "embedded IPv4 notation");
    }

    @Test
    void mapsIpv4MappedIpv6ToIpv4() {
        assertEquals("192.0.2.1", norm("::ffff:192.0.2.1"));
        assertEquals("192.0.2.0/24", norm("::ffff:192.0.2.0/120"));
        assertTrue(IpPrefix.parse("::ffff:c000:201").isIpv4());
    }

    @Test
    void refusesHostBitsInPrefixes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> IpPrefix.parse("10.0.0.1/8"));
        assertTrue(e.getMessage().contains("10.0.0.0/8"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> IpPrefix.parse("192.168.1.1/31"));
        assertThrows(IllegalArgumentException.class, () -> IpPrefix.parse("2001:db8::1/64"));
    }

    @Test
    void refusesWhatIsNotALiteralAddress() {
        for (String bad : new String[]{"", "nas.example.com", "10.0.0", "10.0.0.256", "10.0.0.1.2", "010.0.0.1",
                "1.2.3.4/33", "1.2.3.4/", "1.2.3.4/08", "1.2.3.4/-1", "::1/129", "1::2::3", "12345::", "2001:db8::g",
                "1:2:3:4:5:6:7:8:9", "1:2:3:4:5:6:7", "fe80::1%eth0", "1.2.3.4::", " ", "::ffff:1.2.3"}) {
            assertThrows(IllegalArgumentException.class, () -> IpPrefix.parse(bad), bad);
        }
    }

    @Test
    void masks() {
        assertEquals(0, IpPrefix.v4Mask(0));
        assertEquals(0xff000000, IpPrefix.v4Mask(8));
        assertEquals(-1, IpPrefix.v4Mask(32));
        assertEquals(0L, IpPrefix.v6MaskHi(0));
        assertEquals(-1L, IpPrefix.v6MaskHi(64));
        assertEquals(0L, IpPrefix.v6MaskLo(64));
        assertEquals(-1L, IpPrefix.v6MaskLo(128));
        assertEquals(0xff00000000000000L, IpPrefix.v6MaskLo(72));
    }

    @org.junit.jupiter.api.Test
    void containsAddressesOfThePrefixOnly() throws Exception {
        IpPrefix net = IpPrefix.parse("192.0.2.0/24");
        org.junit.jupiter.api.Assertions.assertTrue(net.contains(java.net.InetAddress.getByName("192.0.2.77").getAddress()));
        org.junit.jupiter.api.Assertions.assertFalse(net.contains(java.net.InetAddress.getByName("192.0.3.1").getAddress()));
        org.junit.jupiter.api.Assertions.assertTrue(net.contains(java.net.InetAddress.getByName("::ffff:192.0.2.1").getAddress()),
                "an IPv4-mapped source");
        org.junit.jupiter.api.Assertions.assertFalse(IpPrefix.parse("127.0.0.1").contains(
                java.net.InetAddress.getByName("::1").getAddress()));
        org.junit.jupiter.api.Assertions.assertTrue(IpPrefix.parse("2001:db8::/32").contains(
                java.net.InetAddress.getByName("2001:db8::5").getAddress()));
    }
}
