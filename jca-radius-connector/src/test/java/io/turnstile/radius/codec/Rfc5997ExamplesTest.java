package io.turnstile.radius.codec;

import static io.turnstile.radius.codec.RfcVectors.SECRET;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

/** RFC 5997 §6 examples: Status-Server with Message-Authenticator (RFC 3579 §3.2), secret "xyzzy5461". */
class Rfc5997ExamplesTest {

    @Test
    void statusServerMessageAuthenticatorVerifies() throws Exception {
        byte[] wire = Hex.bytes(RfcVectors.STATUS_SERVER);
        RadiusPacket p = RadiusCodec.decode(wire, 0, wire.length);
        assertEquals(Rfc5997.STATUS_SERVER, p.code());
        assertEquals(0xda, p.identifier());
        assertTrue(RadiusCodec.hasMessageAuthenticator(p));

        assertTrue(RadiusCodec.verifyMessageAuthenticator(wire, 0, wire.length, p.authenticator(), SECRET));
        assertTrue(RadiusCodec.verifyRequestMessageAuthenticator(wire, 0, wire.length, SECRET));
        assertFalse(RadiusCodec.verifyMessageAuthenticator(wire, 0, wire.length, p.authenticator(),
                "xyzzy5460".getBytes(StandardCharsets.US_ASCII)));
        byte[] tampered = wire.clone();
        tampered[1] ^= 1;   // the Identifier is covered by the HMAC
        assertFalse(RadiusCodec.verifyRequestMessageAuthenticator(tampered, 0, tampered.length, SECRET));
        tampered = wire.clone();
        tampered[30] ^= 1;  // and so is the Message-Authenticator value itself
        assertFalse(RadiusCodec.verifyRequestMessageAuthenticator(tampered, 0, tampered.length, SECRET));
    }

    @Test
    void statusServerReEncodesToTheRfcBytes() {
        byte[] wire = Hex.bytes(RfcVectors.STATUS_SERVER);
        byte[] auth = Arrays.copyOfRange(wire, 4, 20);
        // RFC 5997 §3: Status-Server always carries a Message-Authenticator, even when not asked for.
        assertArrayEquals(wire, RadiusCodec.encodeRequest(Rfc5997.STATUS_SERVER, 0xda, auth, List.of(), SECRET, false));
    }

    @Test
    void accessAcceptAnsweringStatusServerVerifiesAndReEncodes() {
        byte[] request = Hex.bytes(RfcVectors.STATUS_SERVER);
        byte[] accept = Hex.bytes(RfcVectors.STATUS_SERVER_ACCEPT);
        byte[] requestAuth = Arrays.copyOfRange(request, 4, 20);

        assertTrue(RadiusCodec.verifyResponseAuthenticator(accept, 0, accept.length, requestAuth, SECRET));
        assertArrayEquals(accept,
                RadiusCodec.encodeResponse(Rfc2865.ACCESS_ACCEPT, 0xda, List.of(), requestAuth, SECRET, false));
        assertFalse(RadiusCodec.verifyResponseAuthenticator(accept, 0, accept.length, new byte[16], SECRET));
    }

    @Test
    void accountingPortStatusServerAndItsAccountingResponse() {
        byte[] request = Hex.bytes(RfcVectors.STATUS_SERVER_ACCT);
        byte[] response = Hex.bytes(RfcVectors.STATUS_SERVER_ACCT_RESPONSE);
        byte[] requestAuth = Arrays.copyOfRange(request, 4, 20);

        // RFC 5997 §3: on the accounting port too, the Message-Authenticator uses the Request Authenticator as sent.
        assertTrue(RadiusCodec.verifyRequestMessageAuthenticator(request, 0, request.length, SECRET));
        assertTrue(RadiusCodec.verifyResponseAuthenticator(response, 0, response.length, requestAuth, SECRET));
        byte[] asAccessAccept = response.clone();
        asAccessAccept[0] = Rfc2865.ACCESS_ACCEPT;
        assertFalse(RadiusCodec.verifyResponseAuthenticator(asAccessAccept, 0, asAccessAccept.length, requestAuth,
                SECRET));
        assertArrayEquals(response, RadiusCodec.encodeResponse(Rfc2866.ACCOUNTING_RESPONSE, 0xb3, List.of(),
                requestAuth, SECRET, false));
    }
}
