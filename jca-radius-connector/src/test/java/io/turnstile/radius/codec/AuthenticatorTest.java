package io.turnstile.radius.codec;

import static io.turnstile.radius.codec.RfcVectors.SECRET;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.Test;

/**
 * Request Authenticators (RFC 2866 §3, RFC 5176 §2.3), Response Authenticators (RFC 2865 §3) and
 * Message-Authenticator (RFC 3579 §3.2, RFC 5176 §3) computed by the encoder and checked by the verifiers.
 */
class AuthenticatorTest {

    private static final byte[] REQUEST_AUTH = Hex.bytes("00112233445566778899aabbccddeeff");

    private static List<RadiusAttribute> accountingStop() {
        return List.of(
                RadiusAttribute.ofInt(Rfc2866.ACCT_STATUS_TYPE, Rfc2866.STOP),
                RadiusAttribute.ofString(Rfc2865.USER_NAME, "nemo"),
                RadiusAttribute.ofString(Rfc2866.ACCT_SESSION_ID, "0001"),
                RadiusAttribute.ofInt(Rfc2866.ACCT_SESSION_TIME, 3600));
    }

    @Test
    void accountingRequestAuthenticatorIsMd5OverZeroedFieldAndSecret() throws Exception {
        byte[] packet = RadiusCodec.encodeRequest(Rfc2866.ACCOUNTING_REQUEST, 7, null, accountingStop(), SECRET, false);

        // RFC 2866 §3: MD5(Code + Identifier + Length + 16 zero octets + request attributes + shared secret)
        byte[] zeroed = packet.clone();
        Arrays.fill(zeroed, 4, 20, (byte) 0);
        MessageDigest md5 = MessageDigest.getInstance("MD5");
        md5.update(zeroed);
        md5.update(SECRET);
        assertArrayEquals(md5.digest(), Arrays.copyOfRange(packet, 4, 20));

        assertTrue(RadiusCodec.verifyRequestAuthenticator(packet, 0, packet.length, SECRET));
        assertFalse(RadiusCodec.verifyRequestAuthenticator(packet, 0, packet.length,
                "other".getBytes(StandardCharsets.US_ASCII)));
    }

    @Test
    void everyFlippedOctetOfAnAccountingRequestFailsVerification() {
        byte[] packet = RadiusCodec.encodeRequest(Rfc2866.ACCOUNTING_REQUEST, 7, null, accountingStop(), SECRET, false);
        for (int i = 0; i < packet.length; i++) {
            if (i == 2 || i == 3) {
                continue;   // a changed Length makes the packet malformed instead (also false, tested elsewhere)
            }
            byte[] flipped = packet.clone();
            flipped[i] ^= 0x01;
            if (i == 0) {
                // Another code is not an Accounting-Request; the verifier refuses to guess.
                assertThrows(IllegalArgumentException.class,
                        () -> RadiusCodec.verifyRequestAuthenticator(flipped, 0, flipped.length, SECRET));
                continue;
            }
            assertFalse(RadiusCodec.verifyRequestAuthenticator(flipped, 0, flipped.length, SECRET), "octet " + i);
        }
    }

    @Test
    void requestAuthenticatorIsNotVerifiableForAccessRequests() {
        byte[] packet = RadiusCodec.encodeRequest(Rfc2865.ACCESS_REQUEST, 1, REQUEST_AUTH, List.of(), SECRET, false);
        assertThrows(IllegalArgumentException.class,
                () -> RadiusCodec.verifyRequestAuthenticator(packet, 0, packet.length, SECRET));
    }

    @Test
    void coaAndDisconnectRequestsUseTheAccountingAuthenticator() {
        for (int code : new int[] {Rfc5176.COA_REQUEST, Rfc5176.DISCONNECT_REQUEST}) {
            byte[] packet = RadiusCodec.encodeRequest(code, 9, REQUEST_AUTH,   // ignored for these codes
                    List.of(RadiusAttribute.ofString(Rfc2866.ACCT_SESSION_ID, "s-1")), SECRET, true);
            assertEquals(code, packet[0] & 0xFF);
            assertFalse(Arrays.equals(REQUEST_AUTH, Arrays.copyOfRange(packet, 4, 20)));
            assertTrue(RadiusCodec.verifyRequestAuthenticator(packet, 0, packet.length, SECRET));
            // RFC 5176 §3: the Message-Authenticator is computed over a zeroed Request Authenticator field ...
            assertTrue(RadiusCodec.verifyMessageAuthenticator(packet, 0, packet.length, new byte[16], SECRET));
            assertTrue(RadiusCodec.verifyRequestMessageAuthenticator(packet, 0, packet.length, SECRET));
            // ... and so does not verify with the authenticator as sent.
            assertFalse(RadiusCodec.verifyMessageAuthenticator(packet, 0, packet.length,
                    Arrays.copyOfRange(packet, 4, 20), SECRET));
        }
    }

    @Test
    void responseCarriesMessageAuthenticatorFirstComputedOverTheRequestAuthenticator() throws Exception {
        List<RadiusAttribute> attrs = new ArrayList<>(List.of(
                RadiusAttribute.ofInt(Rfc2865.SESSION_TIMEOUT, 3600),
                RadiusAttribute.ofBytes(Rfc2869.MESSAGE_AUTHENTICATOR, new byte[16]),   // stale, dropped
                RadiusAttribute.ofTaggedString(Rfc2868.TUNNEL_PRIVATE_GROUP_ID, 1, "10")));
        byte[] accept = RadiusCodec.encodeResponse(Rfc2865.ACCESS_ACCEPT, 42, attrs, REQUEST_AUTH, SECRET, true);

        RadiusPacket p = RadiusCodec.decode(accept, 0, accept.length);
        assertEquals(Rfc2869.MESSAGE_AUTHENTICATOR, p.attributes().get(0).type());   // BlastRADIUS: first
        assertEquals(1, p.all(Rfc2869.MESSAGE_AUTHENTICATOR).size());
        assertEquals(3, p.attributes().size());

        // RFC 3579 §3.2: HMAC-MD5 over the packet with the Request Authenticator and a zeroed MA value ...
        byte[] copy = accept.clone();
        System.arraycopy(REQUEST_AUTH, 0, copy, 4, 16);
        Arrays.fill(copy, 22, 38, (byte) 0);
        Mac hmac = Mac.getInstance("HmacMD5");
        hmac.init(new SecretKeySpec(SECRET, "HmacMD5"));
        assertArrayEquals(hmac.doFinal(copy), Arrays.copyOfRange(accept, 22, 38));
        // ... then the Response Authenticator over the packet with the MA filled in (RFC 2865 §3).
        assertTrue(RadiusCodec.verifyResponseAuthenticator(accept, 0, accept.length, REQUEST_AUTH, SECRET));
        assertTrue(RadiusCodec.verifyMessageAuthenticator(accept, 0, accept.length, REQUEST_AUTH, SECRET));
        assertFalse(RadiusCodec.verifyMessageAuthenticator(accept, 0, accept.length, new byte[16], SECRET));
    }

    @Test
    void accessRequestMessageAuthenticatorRoundTrip() {
        byte[] req = RadiusCodec.encodeRequest(Rfc2865.ACCESS_REQUEST, 3, REQUEST_AUTH,
                Rfc3579.splitEapMessage(new byte[] {2, 0, 0, 9, 1, 'a', 'l', 'i', 'c'}), SECRET, true);
        assertArrayEquals(REQUEST_AUTH, Arrays.copyOfRange(req, 4, 20));
        assertTrue(RadiusCodec.verifyRequestMessageAuthenticator(req, 0, req.length, SECRET));
        req[req.length - 1] ^= 0x40;
        assertFalse(RadiusCodec.verifyRequestMessageAuthenticator(req, 0, req.length, SECRET));
    }

    @Test
    void absentMessageAuthenticatorIsNotAFailureButIsReported() throws Exception {
        byte[] req = RadiusCodec.encodeRequest(Rfc2865.ACCESS_REQUEST, 3, REQUEST_AUTH,
                List.of(RadiusAttribute.ofString(Rfc2865.USER_NAME, "bob")), SECRET, false);
        assertTrue(RadiusCodec.verifyRequestMessageAuthenticator(req, 0, req.length, SECRET));
        assertFalse(RadiusCodec.hasMessageAuthenticator(RadiusCodec.decode(req, 0, req.length)));
    }

    @Test
    void duplicateOrShortMessageAuthenticatorFails() {
        byte[] req = RadiusCodec.encodeRequest(Rfc2865.ACCESS_REQUEST, 3, REQUEST_AUTH, List.of(), SECRET, true);
        byte[] twice = Arrays.copyOf(req, req.length + 18);
        System.arraycopy(req, 20, twice, req.length, 18);
        twice[3] = (byte) twice.length;
        assertFalse(RadiusCodec.verifyRequestMessageAuthenticator(twice, 0, twice.length, SECRET));

        byte[] shortMa = Hex.bytes("0c0000" + "17" + "00".repeat(16) + "50" + "03" + "00");
        assertFalse(RadiusCodec.verifyRequestMessageAuthenticator(shortMa, 0, shortMa.length, SECRET));
    }

    @Test
    void verifiersWorkAtAnOffsetAndIgnorePadding() {
        byte[] packet = RadiusCodec.encodeRequest(Rfc2866.ACCOUNTING_REQUEST, 7, null, accountingStop(), SECRET, true);
        byte[] framed = new byte[packet.length + 13];
        System.arraycopy(packet, 0, framed, 5, packet.length);
        Arrays.fill(framed, 5 + packet.length, framed.length, (byte) 0x5a);
        assertTrue(RadiusCodec.verifyRequestAuthenticator(framed, 5, packet.length + 8, SECRET));
        assertTrue(RadiusCodec.verifyRequestMessageAuthenticator(framed, 5, packet.length + 8, SECRET));
        // A window shorter than Length is malformed: false, not an exception.
        assertFalse(RadiusCodec.verifyRequestAuthenticator(framed, 5, packet.length - 1, SECRET));
    }

    @Test
    void encodeRejectsOversizedPacketsAndResponseCodesAsRequests() {
        List<RadiusAttribute> big = new ArrayList<>();
        for (int i = 0; i < 17; i++) {
            big.add(RadiusAttribute.ofBytes(Rfc2865.CLASS, new byte[253]));   // 17 * 255 + 20 = 4355
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> RadiusCodec.encodeResponse(Rfc2865.ACCESS_ACCEPT, 1, big, REQUEST_AUTH, SECRET, true));
        assertTrue(e.getMessage().contains("4096"), e.getMessage());
        // Exactly 4096 is fine: 20 + 18 (MA) + 15 * 255 + one of 233 octets.
        List<RadiusAttribute> exact = new ArrayList<>(big.subList(0, 15));
        exact.add(RadiusAttribute.ofBytes(Rfc2865.CLASS, new byte[4096 - 20 - 18 - 15 * 255 - 2]));
        assertEquals(4096, RadiusCodec.encodeResponse(Rfc2865.ACCESS_ACCEPT, 1, exact, REQUEST_AUTH, SECRET, true).length);

        assertThrows(IllegalArgumentException.class,
                () -> RadiusCodec.encodeRequest(Rfc2865.ACCESS_ACCEPT, 1, REQUEST_AUTH, List.of(), SECRET, false));
        assertThrows(IllegalArgumentException.class,
                () -> RadiusCodec.encodeRequest(Rfc2865.ACCESS_REQUEST, 1, new byte[15], List.of(), SECRET, false));
    }
}
