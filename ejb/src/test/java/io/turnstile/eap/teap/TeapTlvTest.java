package io.turnstile.eap.teap;

import io.turnstile.eap.MalformedEapException;
import org.junit.jupiter.api.Test;

import java.util.HexFormat;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** RFC 7170 §4.2 TLV encoding (no official vectors: octets written out from the RFC's figures). */
class TeapTlvTest {

    private static final HexFormat HEX = HexFormat.of();

    @Test
    void resultTlvHasTheMandatoryBitAndATwoOctetStatus() throws Exception {
        // §4.2.4: M=1, R=0, Type 3, Length 2, Status 1 (Success).
        assertEquals("800300020001", HEX.formatHex(TeapTlv.result(TeapTlv.SUCCESS).encode()));
        assertEquals("800a00020002", HEX.formatHex(TeapTlv.intermediateResult(TeapTlv.FAILURE).encode()));
        assertEquals(2, TeapTlv.parseAll(HEX.parseHex("800a00020002")).get(0).status());
    }

    @Test
    void identityTypeIsOptionalAndErrorCarriesAFourOctetCode() {
        assertEquals("000200020002", HEX.formatHex(TeapTlv.identityType(TeapTlv.IDENTITY_MACHINE).encode()));
        assertEquals("80050004000003e9", HEX.formatHex(TeapTlv.error(TeapTlv.ERROR_INNER_METHOD).encode()));
        assertEquals("80040006000000000063", HEX.formatHex(TeapTlv.nak(0, 99).encode()));
    }

    @Test
    void sequencesRoundTripAndTheReservedBitIsIgnored() throws Exception {
        List<TeapTlv> tlvs = List.of(TeapTlv.identityType(1), TeapTlv.eapPayload(new byte[]{1, 7, 0, 5, 1}),
                TeapTlv.result(1));
        assertEquals(tlvs, TeapTlv.parseAll(TeapTlv.encodeAll(tlvs)));
        // R bit (0x4000) set on an Identity-Type: same TLV, not mandatory.
        TeapTlv withR = TeapTlv.parseAll(HEX.parseHex("400200020001")).get(0);
        assertEquals(TeapTlv.IDENTITY_TYPE, withR.type());
        assertFalse(withR.mandatory());
        assertTrue(TeapTlv.parseAll(new byte[0]).isEmpty());
    }

    @Test
    void truncatedOrOverlongInputIsMalformed() {
        assertThrows(MalformedEapException.class, () -> TeapTlv.parseAll(HEX.parseHex("800300")));
        assertThrows(MalformedEapException.class, () -> TeapTlv.parseAll(HEX.parseHex("8003000500010203")));
        assertThrows(MalformedEapException.class, () -> TeapTlv.parseAll(HEX.parseHex("80030001ff")).get(0).status());
    }

    @Test
    void cryptoBindingRoundTripsAndRejectsOtherLengths() throws Exception {
        byte[] nonce = new byte[32];
        nonce[31] = 0x10;
        byte[] mac = new byte[20];
        mac[0] = 0x55;
        CryptoBinding cb = new CryptoBinding(1, 1, CryptoBinding.FLAG_MSK, CryptoBinding.SUBTYPE_REQUEST, nonce, null,
                mac);
        byte[] encoded = cb.toTlv().encode();
        assertEquals(4 + 76, encoded.length);
        assertEquals("800c004c00010120", HEX.formatHex(encoded, 0, 8), "M|12, length 76, version 1/1, flags 2 type 0");
        CryptoBinding back = CryptoBinding.parse(TeapTlv.parseAll(encoded).get(0));
        assertEquals(cb, back);
        assertArrayEquals(mac, back.mskMac());
        assertThrows(MalformedEapException.class,
                () -> CryptoBinding.parse(new TeapTlv(true, TeapTlv.CRYPTO_BINDING, new byte[75])));
    }
}
