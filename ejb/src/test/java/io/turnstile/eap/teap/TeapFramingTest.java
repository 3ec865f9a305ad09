package io.turnstile.eap.teap;

import io.turnstile.eap.MalformedEapException;
import org.junit.jupiter.api.Test;

import java.util.HexFormat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** RFC 7170 §4.1 framing on top of the EAP-TLS Type-Data. */
class TeapFramingTest {

    private static final HexFormat HEX = HexFormat.of();

    @Test
    void startCarriesVersionOneTheOFlagAndTheAuthorityId() {
        byte[] outer = HEX.parseHex("00010003616263");
        // S | O | Ver 1 = 0x31, Outer TLV Length 7, Authority-ID "abc".
        assertEquals("310000000700010003616263", HEX.formatHex(TeapFraming.start(new byte[]{0x20}, outer)));
        assertEquals("c1000000101603", HEX.formatHex(TeapFraming.request(HEX.parseHex("c0000000101603"))));
    }

    @Test
    void peerOuterTlvsAreSplitOffTheFirstResponse() throws Exception {
        // L | O | Ver 1, Message Length 2, Outer TLV Length 8, TLS data 1603, a Vendor-Specific TLV.
        byte[] in = HEX.parseHex("91" + "00000002" + "00000008" + "1603" + "0007000400003039");
        TeapFraming.Response r = TeapFraming.response(in, true);
        assertEquals("80000000021603", HEX.formatHex(r.eapTlsTypeData()));
        assertEquals("0007000400003039", HEX.formatHex(r.outerTlvs()));
        assertEquals("001603", HEX.formatHex(TeapFraming.response(HEX.parseHex("011603"), false).eapTlsTypeData()));
    }

    @Test
    void otherVersionsLateOuterTlvsAndBadLengthsAreMalformed() {
        assertThrows(MalformedEapException.class, () -> TeapFraming.response(HEX.parseHex("001603"), true));
        assertThrows(MalformedEapException.class, () -> TeapFraming.response(HEX.parseHex("1100000000"), false));
        assertThrows(MalformedEapException.class, () -> TeapFraming.response(HEX.parseHex("11000000091603"), true));
        assertThrows(MalformedEapException.class, () -> TeapFraming.response(HEX.parseHex("1100"), true));
        assertThrows(MalformedEapException.class, () -> TeapFraming.response(new byte[0], true));
    }
}
