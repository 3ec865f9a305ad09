package io.turnstile.eap;

import org.junit.jupiter.api.Test;

import java.util.HexFormat;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class EapPacketTest {

    private static byte[] hex(String s) {
        return HexFormat.of().parseHex(s.replace(" ", ""));
    }

    @Test
    void identityResponseParsesAndReencodes() throws Exception {
        byte[] wire = hex("02 05 00 0e 01 61 6e 6f 6e 79 6d 6f 75 73"); // Response/Identity "anonymous"
        EapPacket p = EapPacket.parse(wire);
        assertEquals(Rfc3748.RESPONSE, p.code());
        assertEquals(5, p.identifier());
        assertEquals(Rfc3748.TYPE_IDENTITY, p.type());
        assertEquals("anonymous", new String(p.typeData()));
        assertArrayEquals(wire, p.encode());
    }

    @Test
    void octetsBeyondLengthArePaddingAndIgnored() throws Exception {
        // RFC 3748 §4: octets outside Length are data-link padding.
        EapPacket p = EapPacket.parse(hex("02 01 00 06 0d 00 ff ff"));
        assertEquals(0, p.typeData()[0]);
        assertEquals(1, p.typeData().length);
    }

    @Test
    void successAndFailureAreFourOctets() throws Exception {
        assertArrayEquals(hex("03 07 00 04"), EapPacket.success(7).encode());
        assertArrayEquals(hex("04 07 00 04"), EapPacket.failure(7).encode());
        assertEquals(Rfc3748.SUCCESS, EapPacket.parse(hex("03 07 00 04")).code());
    }

    @Test
    void malformedPacketsAreTypedErrors() {
        assertThrows(MalformedEapException.class, () -> EapPacket.parse(hex("02 01 00")));
        assertThrows(MalformedEapException.class, () -> EapPacket.parse(hex("02 01 00 09 01 61")), "Length > data");
        assertThrows(MalformedEapException.class, () -> EapPacket.parse(hex("02 01 00 03 01")), "Length < 4");
        assertThrows(MalformedEapException.class, () -> EapPacket.parse(hex("02 01 00 04")), "no Type");
        assertThrows(MalformedEapException.class, () -> EapPacket.parse(hex("05 01 00 04")), "unknown code");
        assertThrows(MalformedEapException.class, () -> EapPacket.parse(hex("03 01 00 05 00")), "Success with data");
        assertThrows(MalformedEapException.class, () -> EapPacket.parse(hex("02 01 00 05 00")), "Type 0");
    }
}
