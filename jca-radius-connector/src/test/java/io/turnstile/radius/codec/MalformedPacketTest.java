package io.turnstile.radius.codec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** Datagrams that are not RADIUS packets (RFC 2865 §3, §5), one crafted input per {@link MalformedPacketException.Reason}. */
class MalformedPacketTest {

    private static MalformedPacketException.Reason reasonOf(byte[] datagram) {
        return assertThrows(MalformedPacketException.class,
                () -> RadiusCodec.decode(datagram, 0, datagram.length)).reason();
    }

    /** A header with the given code and Length, then {@code attributes}. */
    private static byte[] packet(int code, int lengthField, String attributesHex) {
        byte[] attrs = Hex.bytes(attributesHex);
        byte[] p = new byte[20 + attrs.length];
        p[0] = (byte) code;
        p[1] = 9;
        p[2] = (byte) (lengthField >>> 8);
        p[3] = (byte) lengthField;
        System.arraycopy(attrs, 0, p, 20, attrs.length);
        return p;
    }

    @Test
    void fewerThan20OctetsReceived() {
        assertEquals(MalformedPacketException.Reason.TOO_SHORT, reasonOf(new byte[19]));
        assertEquals(MalformedPacketException.Reason.TOO_SHORT, reasonOf(new byte[0]));
    }

    @Test
    void lengthFieldBelow20() {
        assertEquals(MalformedPacketException.Reason.TOO_SHORT, reasonOf(packet(1, 19, "")));
    }

    @Test
    void lengthFieldAbove4096() {
        byte[] p = Arrays.copyOf(packet(1, 4097, ""), 4097);
        assertEquals(MalformedPacketException.Reason.TOO_LONG, reasonOf(p));
    }

    @Test
    void lengthFieldLargerThanTheDatagram() {
        // RFC 2865 §3: "If the packet is shorter than the Length field indicates, it MUST be silently discarded."
        byte[] p = packet(1, 26, "01 04 61 62");
        assertEquals(MalformedPacketException.Reason.LENGTH_MISMATCH, reasonOf(p));
    }

    @Test
    void attributeLengthZeroAndOne() {
        assertEquals(MalformedPacketException.Reason.BAD_ATTRIBUTE_LENGTH, reasonOf(packet(1, 22, "01 00")));
        assertEquals(MalformedPacketException.Reason.BAD_ATTRIBUTE_LENGTH, reasonOf(packet(1, 22, "01 01")));
        // After a good attribute, too.
        assertEquals(MalformedPacketException.Reason.BAD_ATTRIBUTE_LENGTH, reasonOf(packet(1, 26, "01 04 61 62 05 01")));
    }

    @Test
    void attributeRunningPastLength() {
        assertEquals(MalformedPacketException.Reason.TRUNCATED_ATTRIBUTE, reasonOf(packet(1, 24, "01 06 61 62")));
        // A lone Type octet without its Length.
        assertEquals(MalformedPacketException.Reason.TRUNCATED_ATTRIBUTE, reasonOf(packet(1, 21, "01")));
        // The attribute fits the datagram but not the Length field: padding is not packet.
        assertEquals(MalformedPacketException.Reason.TRUNCATED_ATTRIBUTE, reasonOf(packet(1, 24, "01 06 61 62 63 64")));
    }

    @Test
    void unknownCodes() {
        Set<Integer> accepted = Set.of(1, 2, 3, 4, 5, 11, 12, 13, 40, 41, 42, 43, 44, 45);
        for (int code = 0; code < 256; code++) {
            byte[] p = packet(code, 20, "");
            if (accepted.contains(code)) {
                assertTrue(RadiusCodec.isKnownCode(code));
            } else {
                assertEquals(MalformedPacketException.Reason.UNKNOWN_CODE, reasonOf(p), "code " + code);
            }
        }
    }

    @Test
    void everyReasonIsProducedAndMessagesNameTheRfc() {
        EnumSet<MalformedPacketException.Reason> seen = EnumSet.noneOf(MalformedPacketException.Reason.class);
        for (byte[] p : new byte[][] {new byte[3], Arrays.copyOf(packet(1, 5000, ""), 5000), packet(1, 30, ""),
                packet(1, 22, "01 01"), packet(1, 23, "01 05 00"), packet(99, 20, "")}) {
            MalformedPacketException e = assertThrows(MalformedPacketException.class,
                    () -> RadiusCodec.decode(p, 0, p.length));
            seen.add(e.reason());
            assertTrue(e.getMessage().startsWith(e.reason().name()), e.getMessage());
            assertEquals(0, e.getStackTrace().length);   // cheap to throw on the receive path
        }
        assertEquals(EnumSet.allOf(MalformedPacketException.Reason.class), seen);
    }

    @Test
    void trailingPaddingIsIgnored() throws Exception {
        byte[] p = packet(4, 26, "2c 06 30 30 30 31 ff ff ff ff ff");   // Length 26, then 5 octets of padding
        RadiusPacket decoded = RadiusCodec.decode(p, 0, p.length);
        assertEquals(1, decoded.attributes().size());
        assertEquals("0001", decoded.string(Rfc2866.ACCT_SESSION_ID).orElseThrow());
    }

    @Test
    void decodesAtAnOffsetWithoutRetainingTheBuffer() throws Exception {
        byte[] wire = Hex.bytes(RfcVectors.PAP_REQUEST);
        byte[] buf = new byte[wire.length + 10];
        System.arraycopy(wire, 0, buf, 7, wire.length);
        RadiusPacket p = RadiusCodec.decode(buf, 7, wire.length);
        Arrays.fill(buf, (byte) 0);   // the receive buffer is reused by the caller
        assertEquals("nemo", p.string(Rfc2865.USER_NAME).orElseThrow());
        assertArrayEquals(Hex.bytes("0f403f9473978057bd83d5cb98f4227a"), p.authenticator());
    }

    @Test
    void emptyAttributeIsAllowed() throws Exception {
        // RFC 3579 §2.1 uses an EAP-Message of Length 2 as EAP-Start.
        byte[] p = packet(1, 22, "4f 02");
        RadiusPacket decoded = RadiusCodec.decode(p, 0, p.length);
        assertEquals(0, decoded.first(Rfc2869.EAP_MESSAGE).orElseThrow().value().length);
    }

    @Test
    void badBoundsAreAProgrammingError() {
        assertThrows(IndexOutOfBoundsException.class, () -> RadiusCodec.decode(new byte[30], 20, 20));
    }
}
