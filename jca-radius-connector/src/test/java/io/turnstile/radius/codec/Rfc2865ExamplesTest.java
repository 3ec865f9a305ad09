package io.turnstile.radius.codec;

import static io.turnstile.radius.codec.RfcVectors.SECRET;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

/** RFC 2865 §7 examples, decoded from and re-encoded to the RFC's own octets. */
class Rfc2865ExamplesTest {

    @Test
    void papAccessRequestDecodes() throws Exception {
        byte[] wire = Hex.bytes(RfcVectors.PAP_REQUEST);
        RadiusPacket p = RadiusCodec.decode(wire, 0, wire.length);

        assertEquals(Rfc2865.ACCESS_REQUEST, p.code());
        assertEquals(0, p.identifier());
        assertEquals("0f403f9473978057bd83d5cb98f4227a", Hex.of(p.authenticator()));
        assertEquals(4, p.attributes().size());
        assertEquals("nemo", p.string(Rfc2865.USER_NAME).orElseThrow());
        assertArrayEquals(InetAddress.getByName("192.168.1.16").getAddress(),
                p.first(Rfc2865.NAS_IP_ADDRESS).orElseThrow().value());
        assertEquals(3, p.integer(Rfc2865.NAS_PORT).orElseThrow());
        byte[] hidden = p.first(Rfc2865.USER_PASSWORD).orElseThrow().value();
        assertArrayEquals(Hex.bytes(RfcVectors.PAP_HIDDEN_PASSWORD), hidden);
        assertEquals("arctangent",
                new String(UserPasswordHiding.reveal(hidden, SECRET, p.authenticator()), StandardCharsets.UTF_8));
    }

    @Test
    void userPasswordHidingMatchesRfcBytes() {
        byte[] auth = Hex.bytes("0f403f9473978057bd83d5cb98f4227a");
        byte[] hidden = UserPasswordHiding.hide("arctangent".getBytes(StandardCharsets.UTF_8), SECRET, auth);
        assertArrayEquals(Hex.bytes(RfcVectors.PAP_HIDDEN_PASSWORD), hidden);
        assertArrayEquals("arctangent".getBytes(StandardCharsets.UTF_8), UserPasswordHiding.reveal(hidden, SECRET, auth));
        // The wrong secret gives garbage, not the password.
        assertFalse(Arrays.equals("arctangent".getBytes(StandardCharsets.UTF_8),
                UserPasswordHiding.reveal(hidden, "xyzzy5462".getBytes(StandardCharsets.UTF_8), auth)));
    }

    @Test
    void papAccessAcceptVerifiesAndReEncodesToTheRfcBytes() throws Exception {
        byte[] request = Hex.bytes(RfcVectors.PAP_REQUEST);
        byte[] accept = Hex.bytes(RfcVectors.PAP_ACCEPT);
        byte[] requestAuth = Arrays.copyOfRange(request, 4, 20);

        assertTrue(RadiusCodec.verifyResponseAuthenticator(accept, 0, accept.length, requestAuth, SECRET));
        assertFalse(RadiusCodec.verifyResponseAuthenticator(accept, 0, accept.length, requestAuth,
                "wrong".getBytes(StandardCharsets.UTF_8)));

        RadiusPacket p = RadiusCodec.decode(accept, 0, accept.length);
        assertEquals(Rfc2865.ACCESS_ACCEPT, p.code());
        assertEquals(Rfc2865.SERVICE_TYPE_LOGIN, p.integer(Rfc2865.SERVICE_TYPE).orElseThrow());
        assertEquals(0, p.integer(Rfc2865.LOGIN_SERVICE).orElseThrow());   // Telnet

        byte[] encoded = RadiusCodec.encodeResponse(Rfc2865.ACCESS_ACCEPT, 0, List.of(
                RadiusAttribute.ofInt(Rfc2865.SERVICE_TYPE, Rfc2865.SERVICE_TYPE_LOGIN),
                RadiusAttribute.ofInt(Rfc2865.LOGIN_SERVICE, 0),
                RadiusAttribute.ofAddress(Rfc2865.LOGIN_IP_HOST, InetAddress.getByName("192.168.1.3"))),
                requestAuth, SECRET, false);
        assertEquals(Hex.of(accept), Hex.of(encoded));
    }

    @Test
    void papRequestReEncodesToTheRfcBytes() throws Exception {
        byte[] request = Hex.bytes(RfcVectors.PAP_REQUEST);
        byte[] auth = Arrays.copyOfRange(request, 4, 20);
        byte[] encoded = RadiusCodec.encodeRequest(Rfc2865.ACCESS_REQUEST, 0, auth, List.of(
                RadiusAttribute.ofString(Rfc2865.USER_NAME, "nemo"),
                RadiusAttribute.ofBytes(Rfc2865.USER_PASSWORD,
                        UserPasswordHiding.hide("arctangent".getBytes(StandardCharsets.UTF_8), SECRET, auth)),
                RadiusAttribute.ofAddress(Rfc2865.NAS_IP_ADDRESS, InetAddress.getByName("192.168.1.16")),
                RadiusAttribute.ofInt(Rfc2865.NAS_PORT, 3)), SECRET, false);
        assertEquals(Hex.of(request), Hex.of(encoded));
    }

    @Test
    void chapAccessRequestDecodesAndItsChapResponseMatchesArctangent() throws Exception {
        byte[] wire = Hex.bytes(RfcVectors.CHAP_REQUEST);
        RadiusPacket p = RadiusCodec.decode(wire, 0, wire.length);

        assertEquals(Rfc2865.ACCESS_REQUEST, p.code());
        assertEquals(1, p.identifier());
        assertEquals("flopsy", p.string(Rfc2865.USER_NAME).orElseThrow());
        assertEquals(20, p.integer(Rfc2865.NAS_PORT).orElseThrow());
        assertEquals(Rfc2865.SERVICE_TYPE_FRAMED, p.integer(Rfc2865.SERVICE_TYPE).orElseThrow());
        assertEquals(Rfc2865.FRAMED_PROTOCOL_PPP, p.integer(Rfc2865.FRAMED_PROTOCOL).orElseThrow());
        assertTrue(p.first(Rfc2865.CHAP_CHALLENGE).isEmpty());   // so the challenge is the Request Authenticator

        // RFC 2865 §5.3 / RFC 1994: CHAP Response = MD5(CHAP Ident + password + challenge).
        byte[] chap = p.first(Rfc2865.CHAP_PASSWORD).orElseThrow().value();
        assertEquals(17, chap.length);
        assertEquals(0x16, chap[0]);
        MessageDigest md5 = MessageDigest.getInstance("MD5");
        md5.update(chap[0]);
        md5.update("arctangent".getBytes(StandardCharsets.UTF_8));
        md5.update(p.authenticator());
        assertArrayEquals(md5.digest(), Arrays.copyOfRange(chap, 1, 17));

        byte[] reEncoded = RadiusCodec.encodeRequest(p.code(), p.identifier(), p.authenticator(), p.attributes(),
                SECRET, false);
        assertArrayEquals(wire, reEncoded);
    }

    @Test
    void chapAccessAcceptHasTheRfcAttributeOctetsAndAVerifiableAuthenticator() throws Exception {
        byte[] request = Hex.bytes(RfcVectors.CHAP_REQUEST);
        byte[] requestAuth = Arrays.copyOfRange(request, 4, 20);
        byte[] accept = RadiusCodec.encodeResponse(Rfc2865.ACCESS_ACCEPT, 1, List.of(
                RadiusAttribute.ofInt(Rfc2865.SERVICE_TYPE, Rfc2865.SERVICE_TYPE_FRAMED),
                RadiusAttribute.ofInt(Rfc2865.FRAMED_PROTOCOL, Rfc2865.FRAMED_PROTOCOL_PPP),
                RadiusAttribute.ofAddress(Rfc2865.FRAMED_IP_ADDRESS, InetAddress.getByName("255.255.255.254")),
                RadiusAttribute.ofInt(Rfc2865.FRAMED_ROUTING, 0),
                RadiusAttribute.ofInt(Rfc2865.FRAMED_COMPRESSION, 1),
                RadiusAttribute.ofInt(Rfc2865.FRAMED_MTU, 1500)), requestAuth, SECRET, false);

        assertEquals("02010038", Hex.of(Arrays.copyOf(accept, 4)));
        assertEquals(Hex.of(Hex.bytes(RfcVectors.CHAP_ACCEPT_ATTRIBUTES)), Hex.of(Arrays.copyOfRange(accept, 20, 56)));
        assertTrue(RadiusCodec.verifyResponseAuthenticator(accept, 0, accept.length, requestAuth, SECRET));
        accept[30] ^= 1;   // any change to an attribute breaks the Response Authenticator
        assertFalse(RadiusCodec.verifyResponseAuthenticator(accept, 0, accept.length, requestAuth, SECRET));
    }
}
