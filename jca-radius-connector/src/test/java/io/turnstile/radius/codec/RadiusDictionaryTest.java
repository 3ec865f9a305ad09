package io.turnstile.radius.codec;

import static io.turnstile.radius.codec.RfcVectors.SECRET;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RadiusDictionaryTest {

    private static final RadiusDictionary DICT = RadiusDictionary.standard();
    private static final byte[] AUTH = Hex.bytes("0f403f9473978057bd83d5cb98f4227a");

    private static String error(String assignment) {
        return assertThrows(IllegalArgumentException.class, () -> DICT.parseAssignment(assignment)).getMessage();
    }

    private static String loadError(String text) {
        return assertThrows(IllegalArgumentException.class,
                () -> RadiusDictionary.load(DICT, new StringReader(text))).getMessage();
    }

    // ------------------------------------------------------------ bundled dictionaries

    @Test
    void standardIsBuiltOnceAndKnowsIetfAndVendorAttributes() {
        assertSame(DICT, RadiusDictionary.standard());
        assertEquals(1, DICT.byName("User-Name").orElseThrow().type());
        assertEquals(DataType.IPADDR, DICT.byName("nas-ip-address").orElseThrow().dataType());   // case-insensitive
        AttributeDefinition tunnelPassword = DICT.byName("Tunnel-Password").orElseThrow();
        assertTrue(tunnelPassword.hasTag());
        assertEquals(2, tunnelPassword.encrypt());
        assertEquals(1, DICT.byName("User-Password").orElseThrow().encrypt());
        assertEquals(2L, DICT.byName("Service-Type").orElseThrow().valueOf("framed-user").orElseThrow());
        assertEquals(13L, DICT.byName("Tunnel-Type").orElseThrow().valueOf("VLAN").orElseThrow());
        assertEquals(6L, DICT.byName("Tunnel-Medium-Type").orElseThrow().valueOf("IEEE-802").orElseThrow());
        assertEquals("Interim-Update", DICT.byName("Acct-Status-Type").orElseThrow().valueName(3).orElseThrow());
        assertEquals("Egress-VLANID", DICT.byCode(0, Rfc4675.EGRESS_VLANID).orElseThrow().name());
        assertEquals("Error-Cause", DICT.byCode(0, Rfc5176.ERROR_CAUSE).orElseThrow().name());
        assertEquals(DataType.IPV6PREFIX, DICT.byName("Framed-IPv6-Prefix").orElseThrow().dataType());

        assertEquals("Cisco-AVPair", DICT.byCode(9, 1).orElseThrow().name());
        assertEquals("MS-MPPE-Send-Key", DICT.byCode(311, 16).orElseThrow().name());
        assertEquals("Juniper-Local-User-Name", DICT.byCode(2636, 1).orElseThrow().name());
        assertEquals("Aruba-User-Role", DICT.byCode(14823, 1).orElseThrow().name());
        assertEquals("Aruba-User-Vlan", DICT.byCode(14823, 2).orElseThrow().name());
        assertEquals("PaloAlto-Admin-Role", DICT.byCode(25461, 1).orElseThrow().name());
        assertEquals("HP-Port-Client-Limit-Dot1x", DICT.byCode(11, 10).orElseThrow().name());
        assertEquals("HP-User-Role", DICT.byCode(11, 25).orElseThrow().name());
        assertEquals("Arista-AVPair", DICT.byCode(30065, 1).orElseThrow().name());
        for (int vendor : new int[] {9, 11, 311, 2636, 14823, 25461, 30065}) {
            assertTrue(DICT.vendor(vendor).isPresent(), "vendor " + vendor);
        }
        // Every RFC 2865 attribute constant is in the dictionary with that number.
        for (int type : new int[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 18, 19, 20, 22, 23, 24, 25,
                26, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 37, 38, 39, 60, 61, 62, 63}) {
            assertTrue(DICT.byCode(0, type).isPresent(), "type " + type);
        }
    }

    // ------------------------------------------------------------ parseAssignment

    @Test
    void parseAssignmentExamples() {
        assertEquals(RadiusAttribute.ofInt(Rfc2865.IDLE_TIMEOUT, 600), DICT.parseAssignment("Idle-Timeout=600"));
        assertEquals(RadiusAttribute.ofTaggedString(Rfc2868.TUNNEL_PRIVATE_GROUP_ID, 1, "vlan10"),
                DICT.parseAssignment("Tunnel-Private-Group-Id:1=vlan10"));
        assertEquals(RadiusAttribute.vendorSpecific(9, 1, "shell:priv-lvl=15".getBytes(StandardCharsets.UTF_8)),
                DICT.parseAssignment("Cisco-AVPair=shell:priv-lvl=15"));
        assertEquals(RadiusAttribute.ofInt(Rfc2865.SERVICE_TYPE, Rfc2865.SERVICE_TYPE_FRAMED),
                DICT.parseAssignment("Service-Type=Framed-User"));
    }

    @Test
    void parseAssignmentVariants() {
        assertEquals(RadiusAttribute.ofTaggedInt(Rfc2868.TUNNEL_TYPE, 1, Rfc2868.VLAN),
                DICT.parseAssignment("Tunnel-Type:1 = VLAN"));
        assertEquals(RadiusAttribute.ofTaggedInt(Rfc2868.TUNNEL_MEDIUM_TYPE, 0, Rfc2868.IEEE_802),
                DICT.parseAssignment("Tunnel-Medium-Type := IEEE-802"));
        assertEquals(RadiusAttribute.ofString(Rfc2865.REPLY_MESSAGE, "Hello \"you\"\n"),
                DICT.parseAssignment("Reply-Message = \"Hello \\\"you\\\"\\n\""));
        assertEquals(RadiusAttribute.ofInt(Rfc2865.SESSION_TIMEOUT, 0xFFFFFFFF), DICT.parseAssignment("Session-Timeout=4294967295"));
        assertEquals(RadiusAttribute.ofInt(Rfc2865.SESSION_TIMEOUT, 16), DICT.parseAssignment("Session-Timeout=0x10"));
        assertEquals(RadiusAttribute.ofBytes(Rfc2865.CLASS, new byte[] {1, (byte) 0xab}), DICT.parseAssignment("Class=0x01ab"));
        assertEquals(RadiusAttribute.ofBytes(Rfc2865.FRAMED_IP_ADDRESS, new byte[] {10, 0, 0, 1}),
                DICT.parseAssignment("Framed-IP-Address = 10.0.0.1"));
        assertEquals("00402001" + "0db8" + "0001" + "0002",
                Hex.of(DICT.parseAssignment("Framed-IPv6-Prefix = 2001:db8:1:2::/64").value()));
        assertEquals("20010db8000000000000000000000001",
                Hex.of(DICT.parseAssignment("NAS-IPv6-Address=2001:db8::1").value()));
        assertEquals("6553f100", Hex.of(DICT.parseAssignment("Event-Timestamp=2023-11-14T22:13:20Z").value()));
        assertEquals(RadiusAttribute.vendorSpecific(14823, 2, new byte[] {0, 0, 0, 20}),
                DICT.parseAssignment("Aruba-User-Vlan=20"));
        assertEquals(RadiusAttribute.ofInt(Rfc4675.EGRESS_VLANID, 0x31000000 | 20), Rfc4675.egressVlanId(true, 20));
    }

    @Test
    void unknownAttributeIsRejectedByName() {
        String m = error("Frobnicate-Level=7");
        assertTrue(m.contains("unknown attribute 'Frobnicate-Level'"), m);
    }

    @Test
    void badValuesAreRejectedNamingAttributeAndValue() {
        String m = error("Idle-Timeout=ten minutes");
        assertTrue(m.contains("Idle-Timeout") && m.contains("'ten minutes'"), m);
        m = error("Service-Type=Framed");
        assertTrue(m.contains("VALUE name of Service-Type"), m);
        m = error("Session-Timeout=4294967296");
        assertTrue(m.contains("Session-Timeout"), m);
        m = error("NAS-IP-Address=nas.example.com");   // never resolved
        assertTrue(m.contains("IPv4"), m);
        m = error("Idle-Timeout:1=5");
        assertTrue(m.contains("does not take a tag"), m);
        m = error("Tunnel-Type:40=VLAN");
        assertTrue(m.contains("tag must be 0..31"), m);
        m = error("Idle-Timeout 600");
        assertTrue(m.contains("expected Name=value"), m);
        m = error("Reply-Message=" + "x".repeat(254));
        assertTrue(m.contains("exceeds 253"), m);
        m = error("User-Password=secret");
        assertTrue(m.contains("encrypt"), m);
    }

    @Test
    void encryptedAttributesWithSecretAndAuthenticator() {
        SecureRandom random = new SecureRandom();
        RadiusAttribute pw = DICT.parseAssignment("User-Password=arctangent", SECRET, AUTH, random);
        assertArrayEquals(Hex.bytes(RfcVectors.PAP_HIDDEN_PASSWORD), pw.value());

        RadiusAttribute tp = DICT.parseAssignment("Tunnel-Password:2=s3cret", SECRET, AUTH, random);
        assertEquals(2, tp.value()[0]);
        assertEquals("s3cret", new String(TunnelPasswordHiding.reveal(tp.value(), SECRET, AUTH), StandardCharsets.UTF_8));

        RadiusAttribute key = DICT.parseAssignment("MS-MPPE-Recv-Key=0x00112233445566778899aabbccddeeff", SECRET, AUTH,
                random);
        VendorAttribute v = new RadiusPacket(2, 1, AUTH, List.of(key)).vendorAttributes().get(0);
        assertEquals(Rfc2548.MS_MPPE_RECV_KEY, v.vendorType());
        assertEquals("00112233445566778899aabbccddeeff", Hex.of(MppeKeyEncryption.decrypt(v.value(), SECRET, AUTH)));
    }

    // ------------------------------------------------------------ format

    @Test
    void formatForLogs() {
        assertEquals("Service-Type = Framed-User", DICT.format(RadiusAttribute.ofInt(6, 2)));
        assertEquals("Idle-Timeout = 600", DICT.format(RadiusAttribute.ofInt(28, 600)));
        assertEquals("User-Name = \"bob\"", DICT.format(RadiusAttribute.ofString(1, "bob")));
        assertEquals("Tunnel-Private-Group-Id:1 = \"vlan10\"",
                DICT.format(RadiusAttribute.ofTaggedString(81, 1, "vlan10")));
        assertEquals("Tunnel-Type:1 = VLAN", DICT.format(RadiusAttribute.ofTaggedInt(64, 1, 13)));
        assertEquals("Cisco-AVPair = \"shell:priv-lvl=15\"",
                DICT.format(RadiusAttribute.vendorSpecific(9, 1, "shell:priv-lvl=15".getBytes())));
        assertEquals("NAS-IP-Address = 192.168.1.16", DICT.format(RadiusAttribute.ofBytes(4, new byte[] {(byte) 192, (byte) 168, 1, 16})));
        assertEquals("Attr-250 = 0x0102", DICT.format(RadiusAttribute.ofBytes(250, new byte[] {1, 2})));
        assertEquals("Vendor-99-Attr-7 = 0x01", DICT.format(RadiusAttribute.vendorSpecific(99, 7, new byte[] {1})));
        assertEquals("Idle-Timeout = 0x0001", DICT.format(RadiusAttribute.ofBytes(28, new byte[] {0, 1})));
        assertEquals("Reply-Message = \"a\\x01\\\"\"", DICT.format(RadiusAttribute.ofBytes(18, new byte[] {'a', 1, '"'})));
        assertEquals("Event-Timestamp = 2023-11-14T22:13:20Z", DICT.format(RadiusAttribute.ofInt(55, 1700000000)));
        assertEquals("NAS-IPv6-Address = 2001:db8::1",
                DICT.format(RadiusAttribute.ofBytes(95, Hex.bytes("20010db8000000000000000000000001"))));
        assertEquals("Cisco-AVPair = \"a\", Cisco-NAS-Port = \"b\"",
                DICT.format(new RadiusAttribute(26, Hex.bytes("00000009 01 03 61 02 03 62"))));
    }

    @Test
    void secretsAreHidden() {
        assertEquals("User-Password = <hidden>", DICT.format(RadiusAttribute.ofBytes(2, new byte[16])));
        assertEquals("Tunnel-Password = <hidden>", DICT.format(RadiusAttribute.ofBytes(69, new byte[19])));
        assertEquals("Message-Authenticator = <hidden>", DICT.format(RadiusAttribute.ofBytes(80, new byte[16])));
        assertEquals("MS-MPPE-Send-Key = <hidden>", DICT.format(RadiusAttribute.vendorSpecific(311, 16, new byte[34])));
        assertEquals("MS-MPPE-Recv-Key = <hidden>", DICT.format(new VendorAttribute(311, 17, new byte[34])));
        assertEquals("Aruba-MPSK-Passphrase = <hidden>", DICT.format(new VendorAttribute(14823, 44, new byte[18])));
        // Even without a dictionary entry.
        assertEquals("Attr-2 = <hidden>", RadiusDictionary.empty().format(RadiusAttribute.ofBytes(2, new byte[16])));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Idle-Timeout=600", "Tunnel-Private-Group-Id:1=vlan10", "Cisco-AVPair=shell:priv-lvl=15",
            "Service-Type=Framed-User", "Tunnel-Type:3=VLAN", "Reply-Message=\"tab\\there\"", "Class=0x00ff10",
            "Framed-IP-Address=10.1.2.3", "NAS-IPv6-Address=fe80::1", "Framed-IPv6-Prefix=2001:db8::/32",
            "Framed-Interface-Id=0011:22ff:fe33:4455", "Acct-Status-Type=Interim-Update", "Event-Timestamp=1700000000",
            "Aruba-User-Vlan=20", "Juniper-Local-User-Name=\"ops\"", "HP-Port-Auth-Mode-Dot1x=User-Based",
            "Egress-VLAN-Name=\"1corp\"", "Error-Cause=Session-Context-Not-Found", "User-Name=\"\\xff\\xfe\""})
    void formatParsesBack(String text) {
        RadiusAttribute a = DICT.parseAssignment(text);
        String formatted = DICT.format(a);
        assertEquals(a, DICT.parseAssignment(formatted), formatted);
    }

    // ------------------------------------------------------------ load

    @Test
    void loadsFreeRadiusTextWithAVendorBlockOnTopOfTheStandardDictionary() {
        String text = """
                # Acme access points
                VENDOR		Acme		99999
                BEGIN-VENDOR	Acme
                ATTRIBUTE	Acme-Role	1	string
                ATTRIBUTE	Acme-Level	2	integer
                ATTRIBUTE	Acme-Key	3	octets	encrypt=2
                ATTRIBUTE	Acme-Group	4	string	has_tag
                VALUE	Acme-Level	Gold	3		# trailing comment
                VALUE	Acme-Level	Silver	0x2
                END-VENDOR	Acme
                VALUE	Service-Type	Acme-Special	250
                ATTRIBUTE	Acme-Legacy	5	ipaddr	Acme
                VENDOR		Wide		4242	format=2,1
                """;
        RadiusDictionary d = RadiusDictionary.load(DICT, new StringReader(text));

        assertEquals(99999, d.vendor("acme").orElseThrow().id());
        AttributeDefinition level = d.byName("Acme-Level").orElseThrow();
        assertEquals(99999, level.vendorId());
        assertEquals(3L, level.valueOf("Gold").orElseThrow());
        assertEquals(2L, level.valueOf("silver").orElseThrow());
        assertEquals(2, d.byName("Acme-Key").orElseThrow().encrypt());
        assertEquals(DataType.IPADDR, d.byCode(99999, 5).orElseThrow().dataType());
        assertEquals(2, d.vendor(4242).orElseThrow().typeOctets());

        assertEquals(RadiusAttribute.vendorSpecific(99999, 2, new byte[] {0, 0, 0, 3}), d.parseAssignment("Acme-Level=Gold"));
        assertEquals("Acme-Level = Gold", d.format(RadiusAttribute.vendorSpecific(99999, 2, new byte[] {0, 0, 0, 3})));
        assertEquals("Acme-Key = <hidden>", d.format(new VendorAttribute(99999, 3, new byte[18])));
        assertEquals(RadiusAttribute.vendorSpecific(99999, 4, Hex.bytes("07 61")), d.parseAssignment("Acme-Group:7=a"));
        assertEquals(RadiusAttribute.ofInt(6, 250), d.parseAssignment("Service-Type=Acme-Special"));
        // Still knows everything from the base, and the base is unchanged.
        assertEquals(RadiusAttribute.ofInt(6, 2), d.parseAssignment("Service-Type=Framed-User"));
        assertTrue(DICT.byName("Acme-Level").isEmpty());
        assertTrue(DICT.byName("Service-Type").orElseThrow().valueOf("Acme-Special").isEmpty());
        // Loading without a base starts empty: the VALUE for Service-Type then has no attribute.
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> RadiusDictionary.load(null, new StringReader(text))).getMessage()
                .contains("line 11: VALUE for unknown attribute 'Service-Type'"));
        RadiusDictionary alone = RadiusDictionary.load(null, new StringReader(text.replace("VALUE\tService-Type", "#")));
        assertTrue(alone.byName("User-Name").isEmpty());
        assertTrue(alone.byName("Acme-Role").isPresent());
    }

    @Test
    void loadErrorsNameTheLineAndTheProblem() {
        assertTrue(loadError("$INCLUDE dictionary.rfc2865\n").contains("$INCLUDE is not supported"));
        String m = loadError("\n\nATTRIBUTE Foo 1 float\n");
        assertTrue(m.contains("line 3") && m.contains("unknown data type 'float'"), m);
        m = loadError("ATTRIBUTE Foo 300 integer\n");
        assertTrue(m.contains("not in 1..255"), m);
        m = loadError("ATTRIBUTE Foo 241.1 integer\n");
        assertTrue(m.contains("not supported"), m);
        m = loadError("ATTRIBUTE Foo 200 integer has_tog\n");
        assertTrue(m.contains("unknown flag 'has_tog'"), m);
        m = loadError("ATTRIBUTE Foo 200 ipaddr has_tag\n");
        assertTrue(m.contains("has_tag"), m);
        m = loadError("ATTRIBUTE User-Name 200 string\n");
        assertTrue(m.contains("already defined with number 1"), m);
        m = loadError("VALUE No-Such-Attribute Foo 1\n");
        assertTrue(m.contains("VALUE for unknown attribute 'No-Such-Attribute'"), m);
        m = loadError("VALUE User-Name Foo 1\n");
        assertTrue(m.contains("not a number type"), m);
        m = loadError("VALUE Service-Type Framed-User 9\n");
        assertTrue(m.contains("already defined as 2"), m);
        m = loadError("BEGIN-VENDOR Nobody\n");
        assertTrue(m.contains("unknown vendor 'Nobody'"), m);
        m = loadError("VENDOR X 5\nBEGIN-VENDOR X\n");
        assertTrue(m.contains("without END-VENDOR"), m);
        m = loadError("END-VENDOR X\n");
        assertTrue(m.contains("without matching BEGIN-VENDOR"), m);
        m = loadError("VENDOR X 5 format=1,1,c\n");
        assertTrue(m.contains("format"), m);
        m = loadError("BEGIN-TLV Foo\n");
        assertTrue(m.contains("unsupported keyword 'BEGIN-TLV'"), m);
        m = loadError("ATTRIBUTE Foo:Bar 200 string\n");
        assertTrue(m.contains("contains ':'"), m);
        m = loadError("ATTRIBUTE Foo 200\n");
        assertTrue(m.contains("expected 'ATTRIBUTE"), m);
    }

    @Test
    void emptyDictionaryKnowsNothing() {
        RadiusDictionary empty = RadiusDictionary.empty();
        assertTrue(empty.byName("User-Name").isEmpty());
        assertFalse(empty.attributes().iterator().hasNext());
        assertEquals("Attr-1 = 0x626f62", empty.format(RadiusAttribute.ofString(1, "bob")));
    }
}
