package io.turnstile.radius.codec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Attribute factories, accessors, value semantics; packet lookups and VSA flattening (RFC 2865 §5.26). */
class RadiusAttributeTest {

    @Test
    void factoriesProduceTheWireValue() throws Exception {
        assertEquals("000003e8", Hex.of(RadiusAttribute.ofInt(27, 1000).value()));
        assertEquals("c0a80001", Hex.of(RadiusAttribute.ofAddress(4, InetAddress.getByName("192.168.0.1")).value()));
        assertEquals("c3a9", Hex.of(RadiusAttribute.ofString(1, "é").value()));
        // RFC 2868 §3.1: tag octet, then a 3-octet value
        assertEquals("0100000d", Hex.of(RadiusAttribute.ofTaggedInt(Rfc2868.TUNNEL_TYPE, 1, Rfc2868.VLAN).value()));
        // RFC 2868 §3.6: tag octet, then the string
        assertEquals("01" + "3130", Hex.of(RadiusAttribute.ofTaggedString(Rfc2868.TUNNEL_PRIVATE_GROUP_ID, 1, "10").value()));
        // RFC 2865 §5.26: Vendor-Id, vendor type, vendor length, value
        RadiusAttribute vsa = RadiusAttribute.vendorSpecific(9, 1, "shell:priv-lvl=15".getBytes());
        assertEquals(26, vsa.type());
        assertEquals("00000009" + "01" + "13", Hex.of(vsa.value()).substring(0, 12));
        assertEquals(4 + 2 + 17, vsa.value().length);
    }

    @Test
    void accessors() {
        assertEquals(-1, RadiusAttribute.ofInt(5, -1).intValue());
        assertEquals(0xFFFFFFFFL, Integer.toUnsignedLong(RadiusAttribute.ofInt(5, -1).intValue()));
        assertThrows(IllegalStateException.class, () -> RadiusAttribute.ofString(5, "abc").intValue());
        RadiusAttribute tagged = RadiusAttribute.ofTaggedInt(64, 3, 13);
        assertEquals(3, tagged.tag());
        assertEquals(13, tagged.taggedIntValue());
        RadiusAttribute ts = RadiusAttribute.ofTaggedString(81, 2, "vlan10");
        assertEquals(2, ts.tag());
        assertEquals("vlan10", ts.taggedStringValue());
        assertEquals(0, RadiusAttribute.ofString(81, "vlan10").tag());
        assertEquals("vlan10", RadiusAttribute.ofString(81, "vlan10").taggedStringValue());
    }

    @Test
    void limitsAreEnforced() throws Exception {
        assertThrows(IllegalArgumentException.class, () -> RadiusAttribute.ofBytes(1, new byte[254]));
        assertEquals(253, RadiusAttribute.ofBytes(1, new byte[253]).value().length);
        assertThrows(IllegalArgumentException.class, () -> RadiusAttribute.ofBytes(256, new byte[0]));
        assertThrows(IllegalArgumentException.class, () -> RadiusAttribute.ofTaggedInt(64, 32, 1));
        assertThrows(IllegalArgumentException.class, () -> RadiusAttribute.ofTaggedInt(64, 1, 0x1000000));
        assertThrows(IllegalArgumentException.class, () -> RadiusAttribute.vendorSpecific(9, 1, new byte[248]));
        assertThrows(IllegalArgumentException.class, () -> RadiusAttribute.vendorSpecific(0x1000000, 1, new byte[1]));
        assertThrows(IllegalArgumentException.class, () -> RadiusAttribute.ofAddress(8, InetAddress.getByName("::1")));
    }

    @Test
    void equalsHashCodeAndToStringUseContents() {
        RadiusAttribute a = RadiusAttribute.ofString(1, "bob");
        RadiusAttribute b = RadiusAttribute.ofBytes(1, "bob".getBytes());
        assertEquals(a, b);
        assertEquals(a.hashCode(), b.hashCode());
        assertNotEquals(a, RadiusAttribute.ofString(1, "bot"));
        assertNotEquals(a, RadiusAttribute.ofString(2, "bob"));
        assertEquals("RadiusAttribute[type=1, value=626f62]", a.toString());
        assertTrue(RadiusAttribute.ofString(Rfc2865.USER_PASSWORD, "pw").toString().contains("<hidden>"));
        assertFalse(RadiusAttribute.ofString(Rfc2865.USER_PASSWORD, "pw").toString().contains("7077"));

        assertEquals(new VendorAttribute(9, 1, new byte[] {1}), new VendorAttribute(9, 1, new byte[] {1}));
        assertNotEquals(new VendorAttribute(9, 1, new byte[] {1}), new VendorAttribute(9, 2, new byte[] {1}));
        assertEquals("VendorAttribute[vendorId=9, vendorType=1, value=01]", new VendorAttribute(9, 1, new byte[] {1}).toString());

        RadiusPacket p1 = new RadiusPacket(2, 1, new byte[16], List.of(a));
        RadiusPacket p2 = new RadiusPacket(2, 1, new byte[16], List.of(b));
        assertEquals(p1, p2);
        assertEquals(p1.hashCode(), p2.hashCode());
    }

    @Test
    void packetLookupsAndImmutability() {
        List<RadiusAttribute> attrs = new ArrayList<>(List.of(
                RadiusAttribute.ofBytes(Rfc2865.PROXY_STATE, new byte[] {1}),
                RadiusAttribute.ofInt(Rfc2865.SESSION_TIMEOUT, 60),
                RadiusAttribute.ofBytes(Rfc2865.PROXY_STATE, new byte[] {2}),
                RadiusAttribute.ofBytes(Rfc2865.IDLE_TIMEOUT, new byte[] {0, 1})));
        RadiusPacket p = new RadiusPacket(2, 1, new byte[16], attrs);
        attrs.clear();   // the packet took a copy
        assertEquals(4, p.attributes().size());
        assertThrows(UnsupportedOperationException.class, () -> p.attributes().add(RadiusAttribute.ofInt(1, 1)));
        assertEquals(2, p.all(Rfc2865.PROXY_STATE).size());
        assertEquals(2, p.all(Rfc2865.PROXY_STATE).get(1).value()[0]);
        assertTrue(p.all(Rfc2865.CLASS).isEmpty());
        assertEquals(60, p.integer(Rfc2865.SESSION_TIMEOUT).orElseThrow());
        assertTrue(p.integer(Rfc2865.IDLE_TIMEOUT).isEmpty(), "a 2-octet integer is invalid, treated as absent");
        assertTrue(p.string(Rfc2865.USER_NAME).isEmpty());
        assertThrows(IllegalArgumentException.class, () -> new RadiusPacket(1, 256, new byte[16], List.of()));
        assertThrows(IllegalArgumentException.class, () -> new RadiusPacket(1, 1, new byte[15], List.of()));
    }

    @Test
    void decodedPacketAttributesAreUnmodifiable() throws Exception {
        byte[] wire = Hex.bytes(RfcVectors.PAP_REQUEST);
        RadiusPacket p = RadiusCodec.decode(wire, 0, wire.length);
        assertThrows(UnsupportedOperationException.class, () -> p.attributes().remove(0));
        assertThrows(UnsupportedOperationException.class, () -> p.attributes().set(0, RadiusAttribute.ofInt(1, 1)));
        assertEquals(p, new RadiusPacket(p.code(), p.identifier(), p.authenticator(), new ArrayList<>(p.attributes())));
    }

    @Test
    void vendorAttributesFlattenMultipleSubAttributesAndKeepMalformedOnesRaw() {
        // One VSA holding two Cisco sub-attributes (RFC 2865 §5.26 allows several).
        byte[] two = Hex.bytes("00000009" + "01 05 61 62 63" + "02 03 78");
        // A VSA whose sub-attribute length overruns: kept as one raw entry.
        byte[] broken = Hex.bytes("0000000b" + "01 09 61");
        RadiusPacket p = new RadiusPacket(2, 1, new byte[16], List.of(
                new RadiusAttribute(26, two),
                RadiusAttribute.vendorSpecific(Rfc2548.VENDOR_MICROSOFT, Rfc2548.MS_CHAP_DOMAIN, "CORP".getBytes()),
                new RadiusAttribute(26, broken),
                new RadiusAttribute(26, new byte[] {0, 0})));   // shorter than a Vendor-Id: skipped

        List<VendorAttribute> v = p.vendorAttributes();
        assertEquals(4, v.size());
        assertEquals(new VendorAttribute(9, 1, "abc".getBytes()), v.get(0));
        assertEquals(new VendorAttribute(9, 2, "x".getBytes()), v.get(1));
        assertEquals(311, v.get(2).vendorId());
        assertEquals(new VendorAttribute(11, VendorAttribute.UNPARSED, Hex.bytes("010961")), v.get(3));

        assertEquals("x", new String(p.vendorAttribute(9, 2).orElseThrow().value()));
        assertTrue(p.vendorAttribute(9, 3).isEmpty());
        assertTrue(p.vendorAttribute(14823, 1).isEmpty());
    }

    @Test
    void vendorIdWithNonZeroHighOctetIsKeptRawAndWrapsBackUnchanged() {
        // RFC 2865 §5.26: "The high-order octet is 0"; found by the decode fuzz target.
        RadiusAttribute odd = new RadiusAttribute(26, Hex.bytes("fd000132" + "01 03 61"));
        VendorAttribute v = new RadiusPacket(2, 1, new byte[16], List.of(odd)).vendorAttributes().get(0);
        assertEquals(VendorAttribute.UNPARSED, v.vendorType());
        assertEquals(0xfd000132, v.vendorId());
        assertEquals(odd, v.toAttribute());
        assertEquals("Vendor-4244635954 = 0x010361", RadiusDictionary.standard().format(odd));
    }

    @Test
    void nonStandardVendorFormats() {
        // Lucent (4846) uses 2-octet types and 1-octet lengths (FreeRADIUS format=2,1).
        RadiusAttribute lucent = new VendorAttribute(4846, 300, new byte[] {7}).toAttribute();
        assertEquals("000012ee" + "012c" + "04" + "07", Hex.of(lucent.value()));
        RadiusPacket p = new RadiusPacket(2, 1, new byte[16], List.of(lucent));
        assertEquals(new VendorAttribute(4846, 300, new byte[] {7}), p.vendorAttributes().get(0));
        // USR (429) uses 4-octet types and no length.
        RadiusAttribute usr = new VendorAttribute(429, 0x9000, new byte[] {1, 2}).toAttribute();
        assertEquals("000001ad" + "00009000" + "0102", Hex.of(usr.value()));
        assertEquals(new VendorAttribute(429, 0x9000, new byte[] {1, 2}),
                new RadiusPacket(2, 1, new byte[16], List.of(usr)).vendorAttributes().get(0));
        assertArrayEquals(usr.value(), new RadiusPacket(2, 1, new byte[16], List.of(usr)).vendorAttributes().get(0)
                .toAttribute().value());
        // 4-octet types above 2^31-1 come back as negative ints and wrap back unchanged (found by fuzzing).
        RadiusAttribute high = new RadiusAttribute(26, Hex.bytes("000001ad" + "f7c9299d" + "00"));
        VendorAttribute hv = new RadiusPacket(2, 1, new byte[16], List.of(high)).vendorAttributes().get(0);
        assertEquals(0xf7c9299d, hv.vendorType());
        assertEquals(high, hv.toAttribute());
    }
}
