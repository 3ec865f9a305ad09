package io.turnstile.radius.codec;

import java.security.DigestException;
import java.security.MessageDigest;
import java.util.List;

import javax.crypto.Mac;
import javax.crypto.ShortBufferException;

/**
 * Stateless RADIUS wire codec: decoding (RFC 2865 §3, §5), encoding with Request/Response Authenticators
 * (RFC 2865 §3, RFC 2866 §3, RFC 5176 §2.3) and Message-Authenticator (RFC 3579 §3.2, RFC 5176 §3, RFC 5997 §3).
 *
 * <p>Thread-safe: it keeps no state; each call obtains its own digest.
 */
public final class RadiusCodec {

    /** RFC 2865 §3: "The minimum length is 20 and maximum length is 4096." */
    public static final int MIN_LENGTH = 20;
    public static final int MAX_LENGTH = 4096;

    private static final int HEADER = 20;
    private static final int AUTH_OFFSET = 4;
    private static final int AUTH_LENGTH = 16;
    private static final int MA_ATTR_LENGTH = 2 + Rfc2869.MESSAGE_AUTHENTICATOR_LENGTH;

    private RadiusCodec() {
    }

    /**
     * Whether a Code is accepted by {@link #decode}: RFC 2865 §3 (1, 2, 3, 11), RFC 2866 §3 (4, 5), RFC 5997 (12, 13),
     * RFC 5176 §2.3 (40..45).
     */
    public static boolean isKnownCode(int code) {
        return switch (code) {
            case 1, 2, 3, 4, 5, 11, 12, 13, 40, 41, 42, 43, 44, 45 -> true;
            default -> false;
        };
    }

    /**
     * Decodes one datagram.
     *
     * <p>RFC 2865 §3: octets beyond the Length field are padding and ignored; a Length larger than the octets received,
     * below 20 or above 4096 makes the packet invalid. RFC 2865 §5: an attribute Length below 2, or an attribute that
     * runs past Length, makes the packet malformed; it is discarded as a whole.
     *
     * <p>Allocations: the authenticator, one array per attribute value, the attribute records and one array for the
     * list; {@code buf} is not retained and may be reused by the caller.
     */
    public static RadiusPacket decode(byte[] buf, int offset, int length) throws MalformedPacketException {
        if (offset < 0 || length < 0 || offset > buf.length - length) {
            throw new IndexOutOfBoundsException("offset " + offset + " length " + length + " buffer " + buf.length);
        }
        if (length < MIN_LENGTH) {
            throw new MalformedPacketException(MalformedPacketException.Reason.TOO_SHORT,
                    "received " + length + " octets, minimum is 20 (RFC 2865 §3)");
        }
        int len = Bytes.uint16(buf, offset + 2);
        if (len < MIN_LENGTH) {
            throw new MalformedPacketException(MalformedPacketException.Reason.TOO_SHORT,
                    "Length field " + len + " below 20 (RFC 2865 §3)");
        }
        if (len > MAX_LENGTH) {
            throw new MalformedPacketException(MalformedPacketException.Reason.TOO_LONG,
                    "Length field " + len + " above 4096 (RFC 2865 §3)");
        }
        if (len > length) {
            throw new MalformedPacketException(MalformedPacketException.Reason.LENGTH_MISMATCH,
                    "Length field " + len + " exceeds the " + length + " octets received (RFC 2865 §3)");
        }
        int code = Bytes.uint8(buf, offset);
        if (!isKnownCode(code)) {
            throw new MalformedPacketException(MalformedPacketException.Reason.UNKNOWN_CODE,
                    "code " + code + " (RFC 2865 §3: silently discarded)");
        }
        int end = offset + len;
        // First pass: validate the attribute chain and count, so the second pass allocates exactly.
        int count = 0;
        for (int p = offset + HEADER; p < end; count++) {
            if (p + 2 > end) {
                throw new MalformedPacketException(MalformedPacketException.Reason.TRUNCATED_ATTRIBUTE,
                        "attribute header at octet " + (p - offset) + " runs past Length " + len + " (RFC 2865 §5)");
            }
            int alen = Bytes.uint8(buf, p + 1);
            if (alen < 2) {
                throw new MalformedPacketException(MalformedPacketException.Reason.BAD_ATTRIBUTE_LENGTH,
                        "attribute " + Bytes.uint8(buf, p) + " at octet " + (p - offset) + " has Length " + alen
                                + " (RFC 2865 §5: minimum 2)");
            }
            if (p + alen > end) {
                throw new MalformedPacketException(MalformedPacketException.Reason.TRUNCATED_ATTRIBUTE,
                        "attribute " + Bytes.uint8(buf, p) + " at octet " + (p - offset) + " with Length " + alen
                                + " runs past Length " + len + " (RFC 2865 §5)");
            }
            p += alen;
        }
        RadiusAttribute[] attrs = new RadiusAttribute[count];
        for (int i = 0, p = offset + HEADER; i < count; i++) {
            int alen = Bytes.uint8(buf, p + 1);
            byte[] value = new byte[alen - 2];
            System.arraycopy(buf, p + 2, value, 0, value.length);
            attrs[i] = new RadiusAttribute(Bytes.uint8(buf, p), value);
            p += alen;
        }
        byte[] authenticator = new byte[AUTH_LENGTH];
        System.arraycopy(buf, offset + AUTH_OFFSET, authenticator, 0, AUTH_LENGTH);
        return new RadiusPacket(code, Bytes.uint8(buf, offset + 1), authenticator, new AttributeList(attrs, count));
    }

    /** Decodes a whole array; see {@link #decode(byte[], int, int)}. */
    public static RadiusPacket decode(byte[] packet) throws MalformedPacketException {
        return decode(packet, 0, packet.length);
    }

    /**
     * Encodes a packet exactly as given: its authenticator and attributes (including any Message-Authenticator) are
     * written unchanged, nothing is computed. For proxying a packet through unchanged and for tests; use
     * {@link #encodeResponse} / {@link #encodeRequest} to build packets to send.
     *
     * @throws IllegalArgumentException if the packet would exceed 4096 octets (RFC 2865 §3)
     */
    public static byte[] encode(RadiusPacket packet) {
        List<RadiusAttribute> attrs = packet.attributes();
        int len = HEADER;
        for (int i = 0, n = attrs.size(); i < n; i++) {
            len += attrs.get(i).encodedLength();
        }
        if (len > MAX_LENGTH) {
            throw new IllegalArgumentException("packet of " + len + " octets exceeds 4096 (RFC 2865 §3)");
        }
        byte[] out = new byte[len];
        out[0] = (byte) packet.code();
        out[1] = (byte) packet.identifier();
        Bytes.putUint16(out, 2, len);
        System.arraycopy(packet.authenticator(), 0, out, AUTH_OFFSET, AUTH_LENGTH);
        int p = HEADER;
        for (int i = 0, n = attrs.size(); i < n; i++) {
            RadiusAttribute a = attrs.get(i);
            byte[] v = a.value();
            out[p] = (byte) a.type();
            out[p + 1] = (byte) (v.length + 2);
            System.arraycopy(v, 0, out, p + 2, v.length);
            p += v.length + 2;
        }
        return out;
    }

    /**
     * Encodes a response (Access-Accept/Reject/Challenge, Accounting-Response, CoA/Disconnect ACK/NAK).
     *
     * <p>Any Message-Authenticator in {@code attributes} is dropped; when {@code withMessageAuthenticator} a fresh one
     * is inserted as the <em>first</em> attribute (BlastRADIUS/CVE-2024-3596 hardening: a forged prefix cannot precede
     * it) and computed per RFC 3579 §3.2 as HMAC-MD5 over the packet with the Request Authenticator in the
     * authenticator field and the Message-Authenticator value zeroed. Then the Response Authenticator is
     * MD5(Code+ID+Length+RequestAuth+Attributes+Secret) (RFC 2865 §3, RFC 2866 §3, RFC 5176 §2.3).
     *
     * <p>RFC 3579 §3.2: responses to requests carrying EAP-Message MUST carry a Message-Authenticator; that is the
     * caller's choice here.
     *
     * @throws IllegalArgumentException if the packet would exceed 4096 octets (RFC 2865 §3), or on bad arguments
     */
    public static byte[] encodeResponse(int code, int identifier, List<RadiusAttribute> attributes,
                                        byte[] requestAuthenticator, byte[] secret, boolean withMessageAuthenticator) {
        return encodeResponse(code, identifier, attributes, requestAuthenticator, secret, withMessageAuthenticator,
                requestAuthenticator);
    }

    /**
     * As {@link #encodeResponse(int, int, List, byte[], byte[], boolean)}, with the value the authenticator field holds
     * while the Message-Authenticator is computed given explicitly. No RFC defines Message-Authenticator in an
     * Accounting-Response; FreeRADIUS (and so radclient and most NAS code derived from it) computes and checks it
     * over a zeroed field there, as RFC 5176 §3 does for CoA, except for the answer to a Status-Server.
     */
    public static byte[] encodeResponse(int code, int identifier, List<RadiusAttribute> attributes,
                                        byte[] requestAuthenticator, byte[] secret, boolean withMessageAuthenticator,
                                        byte[] messageAuthenticatorBasis) {
        UserPasswordHiding.checkAuthenticator(requestAuthenticator);
        UserPasswordHiding.checkAuthenticator(messageAuthenticatorBasis);
        byte[] out = layout(code, identifier, attributes, withMessageAuthenticator);
        if (withMessageAuthenticator) {
            System.arraycopy(messageAuthenticatorBasis, 0, out, AUTH_OFFSET, AUTH_LENGTH);
            signMessageAuthenticator(out, HEADER, secret);
        }
        System.arraycopy(requestAuthenticator, 0, out, AUTH_OFFSET, AUTH_LENGTH);
        MessageDigest md = Md5.md5();
        md.update(out);                    // authenticator field holds the Request Authenticator
        md.update(secret);
        digestInto(md, out, AUTH_OFFSET);
        return out;
    }

    /**
     * Encodes a request.
     *
     * <ul>
     *   <li>Access-Request (1), Status-Server (12), Status-Client (13): {@code authenticator} is the caller's random
     *       Request Authenticator (RFC 2865 §3: unpredictable and unique); any User-Password must already be hidden
     *       with it. Status-Server always gets a Message-Authenticator (RFC 5997 §3: MUST).</li>
     *   <li>Accounting-Request (4), Disconnect-Request (40), CoA-Request (43): {@code authenticator} is ignored; the
     *       Message-Authenticator (if requested) is computed with a zeroed authenticator field (RFC 5176 §3), then the
     *       Request Authenticator = MD5(Code+ID+Length+16 zero octets+Attributes+Secret) (RFC 2866 §3,
     *       RFC 5176 §2.3).</li>
     * </ul>
     * Any Message-Authenticator in {@code attributes} is dropped; a fresh one is inserted first when requested.
     *
     * @throws IllegalArgumentException for a response code, a missing authenticator, or a packet over 4096 octets
     */
    public static byte[] encodeRequest(int code, int identifier, byte[] authenticator, List<RadiusAttribute> attributes,
                                       byte[] secret, boolean withMessageAuthenticator) {
        switch (code) {
            case Rfc2865.ACCESS_REQUEST, Rfc5997.STATUS_SERVER, Rfc5997.STATUS_CLIENT -> {
                UserPasswordHiding.checkAuthenticator(authenticator);
                boolean ma = withMessageAuthenticator || code == Rfc5997.STATUS_SERVER;
                byte[] out = layout(code, identifier, attributes, ma);
                System.arraycopy(authenticator, 0, out, AUTH_OFFSET, AUTH_LENGTH);
                if (ma) {
                    signMessageAuthenticator(out, HEADER, secret);   // RFC 3579 §3.2: over the Request Authenticator
                }
                return out;
            }
            case Rfc2866.ACCOUNTING_REQUEST, Rfc5176.DISCONNECT_REQUEST, Rfc5176.COA_REQUEST -> {
                byte[] out = layout(code, identifier, attributes, withMessageAuthenticator);   // auth field is zero
                if (withMessageAuthenticator) {
                    signMessageAuthenticator(out, HEADER, secret);   // RFC 5176 §3: zeroed Request Authenticator
                }
                MessageDigest md = Md5.md5();
                md.update(out);
                md.update(secret);
                digestInto(md, out, AUTH_OFFSET);
                return out;
            }
            default -> throw new IllegalArgumentException("not a request code: " + code);
        }
    }

    /**
     * Whether the packet carries a Message-Authenticator (RFC 3579 §3.2). With {@link #verifyMessageAuthenticator}
     * this gives the full check: BlastRADIUS-hardened servers require it on every Access-Request.
     */
    public static boolean hasMessageAuthenticator(RadiusPacket packet) {
        return packet.first(Rfc2869.MESSAGE_AUTHENTICATOR).isPresent();
    }

    /**
     * Verifies the Message-Authenticator (RFC 3579 §3.2) of an encoded packet, in constant time.
     *
     * <p><b>Returns true when the packet has no Message-Authenticator</b>; whether one is required is policy, checked
     * with {@link #hasMessageAuthenticator}. Returns false when one is present and wrong, when there is more than one
     * (RFC 3579 §3.3 table: 0-1), when its length is not 16, or when the packet is not well-formed.
     *
     * @param authenticatorForHmac for an Access-Request or Status-Server, the packet's own Request Authenticator (as
     *                             received); for a response, the Request Authenticator of the request it answers; for
     *                             Accounting-, CoA- and Disconnect-Requests, 16 zero octets (RFC 5176 §3) — or use
     *                             {@link #verifyRequestMessageAuthenticator}, which picks the right one by Code
     */
    public static boolean verifyMessageAuthenticator(byte[] packet, int offset, int length, byte[] authenticatorForHmac,
                                                     byte[] secret) {
        if (authenticatorForHmac == null || authenticatorForHmac.length != AUTH_LENGTH) {
            throw new IllegalArgumentException("authenticator must be 16 octets");
        }
        int len = wellFormedLength(packet, offset, length);
        if (len < 0) {
            return false;
        }
        int ma = -1;
        for (int p = offset + HEADER, end = offset + len; p < end; p += Bytes.uint8(packet, p + 1)) {
            if (Bytes.uint8(packet, p) == Rfc2869.MESSAGE_AUTHENTICATOR) {
                if (ma >= 0 || Bytes.uint8(packet, p + 1) != MA_ATTR_LENGTH) {
                    return false;
                }
                ma = p;
            }
        }
        if (ma < 0) {
            return true;
        }
        // HMAC-MD5 over Type, Identifier, Length, the given authenticator, and the attributes with the
        // Message-Authenticator value as 16 zero octets (RFC 3579 §3.2) — streamed, no copy of the packet.
        Mac mac = Md5.hmacMd5(secret);
        mac.update(packet, offset, AUTH_OFFSET);
        mac.update(authenticatorForHmac);
        mac.update(packet, offset + HEADER, ma + 2 - offset - HEADER);
        mac.update(new byte[Rfc2869.MESSAGE_AUTHENTICATOR_LENGTH]);
        int after = ma + MA_ATTR_LENGTH;
        mac.update(packet, after, offset + len - after);
        byte[] expected = mac.doFinal();
        byte[] actual = new byte[Rfc2869.MESSAGE_AUTHENTICATOR_LENGTH];
        System.arraycopy(packet, ma + 2, actual, 0, actual.length);
        return MessageDigest.isEqual(expected, actual);
    }

    /**
     * {@link #verifyMessageAuthenticator} for a received request, choosing the authenticator by Code: the packet's own
     * Request Authenticator for Access-Request/Status-Server/Status-Client (RFC 3579 §3.2), zeros for
     * Accounting-Request, CoA-Request and Disconnect-Request (RFC 5176 §3).
     */
    public static boolean verifyRequestMessageAuthenticator(byte[] packet, int offset, int length, byte[] secret) {
        if (wellFormedLength(packet, offset, length) < 0) {
            return false;
        }
        byte[] auth = new byte[AUTH_LENGTH];
        if (!zeroAuthenticatorRequest(Bytes.uint8(packet, offset))) {
            System.arraycopy(packet, offset + AUTH_OFFSET, auth, 0, AUTH_LENGTH);
        }
        return verifyMessageAuthenticator(packet, offset, length, auth, secret);
    }

    /**
     * Verifies the Request Authenticator of an Accounting-Request (RFC 2866 §3), CoA-Request or Disconnect-Request
     * (RFC 5176 §2.3): MD5(Code+Identifier+Length+16 zero octets+Attributes+Secret), compared in constant time.
     * Returns false for a packet that is not well-formed.
     *
     * @throws IllegalArgumentException for other codes, whose Request Authenticator is random and not verifiable
     */
    public static boolean verifyRequestAuthenticator(byte[] packet, int offset, int length, byte[] secret) {
        int len = wellFormedLength(packet, offset, length);
        if (len < 0) {
            return false;
        }
        int code = Bytes.uint8(packet, offset);
        if (!zeroAuthenticatorRequest(code)) {
            throw new IllegalArgumentException("code " + code + " has no verifiable Request Authenticator");
        }
        return authenticatorMatches(packet, offset, len, new byte[AUTH_LENGTH], secret);
    }

    /**
     * Verifies a Response Authenticator (RFC 2865 §3, RFC 2866 §3, RFC 5176 §2.3):
     * MD5(Code+ID+Length+RequestAuth+Attributes+Secret), compared in constant time. Returns false for a packet that
     * is not well-formed.
     */
    public static boolean verifyResponseAuthenticator(byte[] response, int offset, int length,
                                                      byte[] requestAuthenticator, byte[] secret) {
        UserPasswordHiding.checkAuthenticator(requestAuthenticator);
        int len = wellFormedLength(response, offset, length);
        return len >= 0 && authenticatorMatches(response, offset, len, requestAuthenticator, secret);
    }

    private static boolean zeroAuthenticatorRequest(int code) {
        return code == Rfc2866.ACCOUNTING_REQUEST || code == Rfc5176.COA_REQUEST || code == Rfc5176.DISCONNECT_REQUEST;
    }

    private static boolean authenticatorMatches(byte[] packet, int offset, int len, byte[] authInHash, byte[] secret) {
        MessageDigest md = Md5.md5();
        md.update(packet, offset, AUTH_OFFSET);
        md.update(authInHash);
        md.update(packet, offset + HEADER, len - HEADER);
        md.update(secret);
        byte[] expected = md.digest();
        byte[] actual = new byte[AUTH_LENGTH];
        System.arraycopy(packet, offset + AUTH_OFFSET, actual, 0, AUTH_LENGTH);
        return MessageDigest.isEqual(expected, actual);
    }

    /** The Length field if the header and attribute chain are well-formed (as {@link #decode}), else -1. */
    private static int wellFormedLength(byte[] packet, int offset, int length) {
        if (offset < 0 || length < MIN_LENGTH || offset > packet.length - length) {
            return -1;
        }
        int len = Bytes.uint16(packet, offset + 2);
        if (len < MIN_LENGTH || len > MAX_LENGTH || len > length) {
            return -1;
        }
        int end = offset + len;
        int p = offset + HEADER;
        while (p < end) {
            if (p + 2 > end) {
                return -1;
            }
            int alen = Bytes.uint8(packet, p + 1);
            if (alen < 2 || p + alen > end) {
                return -1;
            }
            p += alen;
        }
        return len;
    }

    /** Header (authenticator zero), optional zeroed Message-Authenticator first, then the other attributes. */
    private static byte[] layout(int code, int identifier, List<RadiusAttribute> attributes, boolean withMa) {
        if (code < 0 || code > 255 || identifier < 0 || identifier > 255) {
            throw new IllegalArgumentException("code and identifier must be 0..255: " + code + ", " + identifier);
        }
        int len = HEADER + (withMa ? MA_ATTR_LENGTH : 0);
        for (int i = 0, n = attributes.size(); i < n; i++) {
            RadiusAttribute a = attributes.get(i);
            if (a.type() != Rfc2869.MESSAGE_AUTHENTICATOR) {
                len += a.encodedLength();
            }
        }
        if (len > MAX_LENGTH) {
            throw new IllegalArgumentException("packet of " + len + " octets exceeds 4096 (RFC 2865 §3)");
        }
        byte[] out = new byte[len];
        out[0] = (byte) code;
        out[1] = (byte) identifier;
        Bytes.putUint16(out, 2, len);
        int p = HEADER;
        if (withMa) {
            out[p] = (byte) Rfc2869.MESSAGE_AUTHENTICATOR;
            out[p + 1] = (byte) MA_ATTR_LENGTH;
            p += MA_ATTR_LENGTH;
        }
        for (int i = 0, n = attributes.size(); i < n; i++) {
            RadiusAttribute a = attributes.get(i);
            if (a.type() == Rfc2869.MESSAGE_AUTHENTICATOR) {
                continue;
            }
            byte[] v = a.value();
            out[p] = (byte) a.type();
            out[p + 1] = (byte) (v.length + 2);
            System.arraycopy(v, 0, out, p + 2, v.length);
            p += v.length + 2;
        }
        return out;
    }

    /** Computes the HMAC-MD5 over {@code out} (value field zero) into the Message-Authenticator at {@code maPos}. */
    private static void signMessageAuthenticator(byte[] out, int maPos, byte[] secret) {
        Mac mac = Md5.hmacMd5(secret);
        mac.update(out);
        try {
            mac.doFinal(out, maPos + 2);
        } catch (ShortBufferException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void digestInto(MessageDigest md, byte[] out, int pos) {
        try {
            md.digest(out, pos, Md5.LENGTH);
        } catch (DigestException e) {
            throw new IllegalStateException(e);
        }
    }
}
