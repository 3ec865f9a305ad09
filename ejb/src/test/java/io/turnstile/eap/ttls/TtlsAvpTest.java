package io.turnstile.eap.ttls;

import io.turnstile.eap.MalformedEapException;
import org.junit.jupiter.api.Test;

import java.util.HexFormat;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** RFC 5281 §10 AVP layout, byte for byte. */
class TtlsAvpTest {

    static final HexFormat HEX = HexFormat.of();

    @Test
    void userNameIsEncodedWithTheMandatoryBitAndPadding() {
        // code 1, flags M (0x40), length 8 + 5 = 13, "alice", 3 octets of padding (§10.2)
        assertEquals("00000001" + "40" + "00000d" + "616c696365" + "000000",
                HEX.formatHex(TtlsAvp.of(TtlsAvp.USER_NAME, "alice".getBytes()).encode()));
    }

    @Test
    void vendorAvpCarriesTheVendorId() throws Exception {
        TtlsAvp avp = new TtlsAvp(7, false, 311, new byte[]{1, 2, 3, 4});
        byte[] encoded = avp.encode();
        assertEquals("00000007" + "80" + "000010" + "00000137" + "01020304", HEX.formatHex(encoded));
        assertEquals(List.of(avp), TtlsAvp.parseAll(encoded));
    }

    @Test
    void sequenceRoundTripsAndTheLastPaddingMayBeMissing() throws Exception {
        List<TtlsAvp> avps = List.of(TtlsAvp.of(1, "bob".getBytes()), TtlsAvp.of(2, new byte[16]));
        byte[] encoded = TtlsAvp.encodeAll(avps);
        assertEquals(avps, TtlsAvp.parseAll(encoded));
        byte[] unpadded = HEX.parseHex("00000001" + "40" + "00000b" + "626f62");
        assertEquals(List.of(TtlsAvp.of(1, "bob".getBytes())), TtlsAvp.parseAll(unpadded));
        assertArrayEquals(new byte[0], TtlsAvp.encodeAll(List.of()));
    }

    @Test
    void malformedAvpsAreRefused() {
        for (String hex : List.of("000000014000", "00000001" + "40" + "000007", "00000001" + "40" + "000020" + "00",
                "00000001" + "c0" + "000009" + "00000000" + "00")) {
            var e = assertThrows(MalformedEapException.class, () -> TtlsAvp.parseAll(HEX.parseHex(hex)), hex);
            assertTrue(e.getMessage().contains("AVP"), e.getMessage());
        }
    }

    @Test
    void toStringNeverShowsThePassword() {
        assertTrue(!TtlsAvp.of(2, "secret-pw".getBytes()).toString().contains("secret-pw"));
    }
}
