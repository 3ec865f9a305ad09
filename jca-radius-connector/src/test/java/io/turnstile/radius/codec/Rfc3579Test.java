package io.turnstile.radius.codec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

/** RFC 3579 §3.1 EAP-Message fragmentation. */
class Rfc3579Test {

    @Test
    void thousandOctetEapMessageSplitsInto253OctetFragmentsAndJoinsBack() throws Exception {
        byte[] eap = new byte[1000];
        new Random(1).nextBytes(eap);
        List<RadiusAttribute> parts = Rfc3579.splitEapMessage(eap);

        assertEquals(4, parts.size());
        assertEquals(List.of(253, 253, 253, 241), parts.stream().map(a -> a.value().length).toList());
        parts.forEach(a -> assertEquals(Rfc2869.EAP_MESSAGE, a.type()));

        // Through the wire, between other attributes, in order.
        List<RadiusAttribute> attrs = new ArrayList<>();
        attrs.add(RadiusAttribute.ofString(Rfc2865.USER_NAME, "alice"));
        attrs.addAll(parts);
        attrs.add(RadiusAttribute.ofBytes(Rfc2865.STATE, new byte[] {1, 2, 3}));
        byte[] wire = RadiusCodec.encodeRequest(Rfc2865.ACCESS_REQUEST, 5, new byte[16], attrs, "s".getBytes(), true);
        RadiusPacket p = RadiusCodec.decode(wire, 0, wire.length);

        assertArrayEquals(eap, Rfc3579.joinEapMessage(p).orElseThrow());
        assertTrue(Rfc3579.eapMessagesConsecutive(p));
    }

    @Test
    void exactMultipleAndEmpty() {
        assertEquals(2, Rfc3579.splitEapMessage(new byte[506]).size());
        List<RadiusAttribute> start = Rfc3579.splitEapMessage(new byte[0]);   // EAP-Start, RFC 3579 §2.1
        assertEquals(1, start.size());
        assertEquals(0, start.get(0).value().length);
    }

    @Test
    void joinWithoutEapMessageIsEmptyAndNonConsecutiveIsDetected() {
        RadiusPacket none = new RadiusPacket(1, 1, new byte[16], List.of(RadiusAttribute.ofString(1, "bob")));
        assertTrue(Rfc3579.joinEapMessage(none).isEmpty());
        assertTrue(Rfc3579.eapMessagesConsecutive(none));

        RadiusPacket split = new RadiusPacket(1, 1, new byte[16], List.of(
                RadiusAttribute.ofBytes(Rfc2869.EAP_MESSAGE, new byte[] {1}),
                RadiusAttribute.ofString(Rfc2865.USER_NAME, "bob"),
                RadiusAttribute.ofBytes(Rfc2869.EAP_MESSAGE, new byte[] {2})));
        assertFalse(Rfc3579.eapMessagesConsecutive(split));
        assertArrayEquals(new byte[] {1, 2}, Rfc3579.joinEapMessage(split).orElseThrow());
    }
}
