package io.turnstile.eap.teap;

import io.turnstile.eap.MalformedEapException;

import java.util.Arrays;

/**
 * TEAP's packet format (RFC 7170 §4.1) as a difference to EAP-TLS's (RFC 5216 §3.1), so that the EAP-TLS fragment
 * and handshake engine serves TEAP unchanged:
 * <pre>
 * Flags: L M S O R Ver(3)   [Message Length (4) if L]   [Outer TLV Length (4) if O]   TLS Data   [Outer TLVs]
 * </pre>
 * Server packets carry Ver = 1; the Start carries O with the Authority-ID. A peer's first Response may carry Outer TLVs
 * too (§3.2), kept for the Compound MAC; O anywhere else is malformed (§4.1: only in the first two messages).
 */
final class TeapFraming {

    static final int VERSION_MASK = 0x07;
    static final int OUTER_TLVS = 0x10;
    /** L, M and S keep their EAP-TLS meaning and positions. */
    private static final int EAP_TLS_FLAGS = 0xe0;
    private static final int LENGTH_INCLUDED = 0x80;

    private TeapFraming() {
    }

    /** The Start (§3.2): the EAP-TLS Start with Ver 1, O, and the Outer TLVs after their four-octet length. */
    static byte[] start(byte[] eapTlsStart, byte[] outerTlvs) {
        byte[] out = new byte[eapTlsStart.length + 4 + outerTlvs.length];
        out[0] = (byte) (eapTlsStart[0] | OUTER_TLVS | TeapInner.TEAP_VERSION);
        int l = outerTlvs.length;
        // A Start has no TLS data and no L flag: the Outer TLV Length follows the flags directly.
        out[1] = (byte) (l >>> 24);
        out[2] = (byte) (l >>> 16);
        out[3] = (byte) (l >>> 8);
        out[4] = (byte) l;
        System.arraycopy(eapTlsStart, 1, out, 5, eapTlsStart.length - 1);
        System.arraycopy(outerTlvs, 0, out, 5 + eapTlsStart.length - 1, outerTlvs.length);
        return out;
    }

    /** Any later Request: the EAP-TLS Type-Data with Ver 1 in the flags. */
    static byte[] request(byte[] eapTlsTypeData) {
        byte[] out = eapTlsTypeData.clone();
        out[0] = (byte) ((out[0] & ~VERSION_MASK) | TeapInner.TEAP_VERSION);
        return out;
    }

    /** A peer's Response as EAP-TLS Type-Data, and the Outer TLVs it carried (empty if none). */
    record Response(byte[] eapTlsTypeData, byte[] outerTlvs) {
    }

    static Response response(byte[] typeData, boolean first) throws MalformedEapException {
        if (typeData.length < 1) {
            throw new MalformedEapException("TEAP packet without Flags (RFC 7170 §4.1)");
        }
        int flags = typeData[0] & 0xff;
        if ((flags & VERSION_MASK) != TeapInner.TEAP_VERSION) {
            // §3.2: the peer answers with the version it uses; only version 1 exists.
            throw new MalformedEapException("TEAP version " + (flags & VERSION_MASK) + " instead of 1");
        }
        if ((flags & OUTER_TLVS) == 0) {
            byte[] out = typeData.clone();
            out[0] = (byte) (flags & EAP_TLS_FLAGS);
            return new Response(out, new byte[0]);
        }
        if (!first) {
            throw new MalformedEapException("TEAP Outer TLVs after the first Response (RFC 7170 §4.1)");
        }
        int at = 1 + ((flags & LENGTH_INCLUDED) != 0 ? 4 : 0);
        if (typeData.length < at + 4) {
            throw new MalformedEapException("TEAP O flag without a four-octet Outer TLV Length");
        }
        long outerLength = ((long) (typeData[at] & 0xff) << 24) | ((typeData[at + 1] & 0xff) << 16)
                | ((typeData[at + 2] & 0xff) << 8) | (typeData[at + 3] & 0xff);
        int tlsStart = at + 4;
        if (outerLength > typeData.length - tlsStart) {
            throw new MalformedEapException("TEAP Outer TLV Length " + outerLength + " runs past the packet");
        }
        int tlsEnd = typeData.length - (int) outerLength;
        byte[] outer = Arrays.copyOfRange(typeData, tlsEnd, typeData.length);
        TeapTlv.parseAll(outer); // well-formed TLVs, or malformed packet
        byte[] out = new byte[at + (tlsEnd - tlsStart)];
        out[0] = (byte) (flags & EAP_TLS_FLAGS);
        System.arraycopy(typeData, 1, out, 1, at - 1);
        System.arraycopy(typeData, tlsStart, out, at, tlsEnd - tlsStart);
        return new Response(out, outer);
    }
}
