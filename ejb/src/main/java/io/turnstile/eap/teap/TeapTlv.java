package io.turnstile.eap.teap;

import io.turnstile.eap.MalformedEapException;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One TEAP TLV (RFC 7170 §4.2): the M (mandatory) bit, the R bit (reserved: sent as 0, ignored on receipt), a 14-bit
 * type, a 16-bit length and the value. Phase 2 of TEAP is nothing but a sequence of these inside the TLS tunnel, and
 * the Start and first Response may carry Outer TLVs in clear (§4.1).
 *
 * @param mandatory the M bit: a receiver that does not understand the type must answer with a NAK TLV (§4.2)
 * @param type      TLV type, 0..16383
 * @param value     the value octets
 */
public record TeapTlv(boolean mandatory, int type, byte[] value) {

    /** RFC 7170 §4.2: TLV types (IANA "TEAP TLV Types"). */
    public static final int AUTHORITY_ID = 1;
    public static final int IDENTITY_TYPE = 2;
    public static final int RESULT = 3;
    public static final int NAK = 4;
    public static final int ERROR = 5;
    public static final int CHANNEL_BINDING = 6;
    public static final int VENDOR_SPECIFIC = 7;
    public static final int REQUEST_ACTION = 8;
    public static final int EAP_PAYLOAD = 9;
    public static final int INTERMEDIATE_RESULT = 10;
    public static final int PAC = 11;
    public static final int CRYPTO_BINDING = 12;
    public static final int BASIC_PASSWORD_AUTH_REQ = 13;
    public static final int BASIC_PASSWORD_AUTH_RESP = 14;
    public static final int PKCS7 = 15;
    public static final int PKCS10 = 16;
    public static final int TRUSTED_SERVER_ROOT = 17;

    /** RFC 7170 §4.2.4 / §4.2.13: Status of the Result and Intermediate-Result TLVs. */
    public static final int SUCCESS = 1;
    public static final int FAILURE = 2;

    /** RFC 7170 §4.2.3: Identity-Type values. */
    public static final int IDENTITY_USER = 1;
    public static final int IDENTITY_MACHINE = 2;

    /** RFC 7170 §4.2.6: Error-Code values used here (IANA "TEAP Error TLV (value) Error Code"). */
    public static final int ERROR_INNER_METHOD = 1001;
    public static final int ERROR_UNSPECIFIED_AUTHENTICATION_FAILURE = 1003;
    public static final int ERROR_TUNNEL_COMPROMISE = 2001;
    public static final int ERROR_UNEXPECTED_TLVS_EXCHANGED = 2002;

    static final int M_BIT = 0x8000;
    static final int R_BIT = 0x4000;
    static final int TYPE_MASK = 0x3fff;

    public TeapTlv {
        if (type < 0 || type > TYPE_MASK) {
            throw new IllegalArgumentException("TEAP TLV type out of range: " + type);
        }
        value = value == null ? new byte[0] : value.clone();
        if (value.length > 0xffff) {
            throw new IllegalArgumentException("TEAP TLV value longer than 65535 octets");
        }
    }

    @Override
    public byte[] value() {
        return value.clone();
    }

    int length() {
        return value.length;
    }

    /** The two-octet value of a Result, Intermediate-Result or Identity-Type TLV (§4.2.3, §4.2.4, §4.2.13). */
    public int status() throws MalformedEapException {
        if (value.length < 2) {
            throw new MalformedEapException("TEAP TLV type " + type + " shorter than its two-octet status");
        }
        return (value[0] & 0xff) << 8 | (value[1] & 0xff);
    }

    public static TeapTlv result(int status) {
        return new TeapTlv(true, RESULT, u16(status));
    }

    public static TeapTlv intermediateResult(int status) {
        return new TeapTlv(true, INTERMEDIATE_RESULT, u16(status));
    }

    /** §4.2.3: Identity-Type is not mandatory (a peer that ignores it still runs the inner method). */
    public static TeapTlv identityType(int identityType) {
        return new TeapTlv(false, IDENTITY_TYPE, u16(identityType));
    }

    /** §4.2.10: a whole EAP packet (header included) of the inner method. */
    public static TeapTlv eapPayload(byte[] eapPacket) {
        return new TeapTlv(true, EAP_PAYLOAD, eapPacket);
    }

    /** §4.2.6: Error TLV, four-octet Error-Code. */
    public static TeapTlv error(int code) {
        return new TeapTlv(true, ERROR, new byte[]{(byte) (code >>> 24), (byte) (code >>> 16), (byte) (code >>> 8),
                (byte) code});
    }

    /** §4.2.5: NAK TLV for a mandatory TLV we do not support: Vendor-Id 0 (IETF) and the refused type. */
    public static TeapTlv nak(int vendorId, int refusedType) {
        return new TeapTlv(true, NAK, new byte[]{(byte) (vendorId >>> 24), (byte) (vendorId >>> 16),
                (byte) (vendorId >>> 8), (byte) vendorId, (byte) (refusedType >>> 8), (byte) refusedType});
    }

    /** Type, Length and Value in network order; the R bit is always sent as zero (§4.2). */
    public byte[] encode() {
        byte[] out = new byte[4 + value.length];
        int t = type | (mandatory ? M_BIT : 0);
        out[0] = (byte) (t >>> 8);
        out[1] = (byte) t;
        out[2] = (byte) (value.length >>> 8);
        out[3] = (byte) value.length;
        System.arraycopy(value, 0, out, 4, value.length);
        return out;
    }

    public static byte[] encodeAll(List<TeapTlv> tlvs) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (TeapTlv tlv : tlvs) {
            out.writeBytes(tlv.encode());
        }
        return out.toByteArray();
    }

    /**
     * The TLVs of a Phase 2 message or of the Outer TLVs field (§4.2): a sequence filling the input exactly. A
     * truncated header or a Length beyond the input is malformed; the R bit is ignored.
     */
    public static List<TeapTlv> parseAll(byte[] data) throws MalformedEapException {
        List<TeapTlv> out = new ArrayList<>();
        int at = 0;
        while (at < data.length) {
            if (data.length - at < 4) {
                throw new MalformedEapException("TEAP TLV header truncated at offset " + at);
            }
            int t = (data[at] & 0xff) << 8 | (data[at + 1] & 0xff);
            int len = (data[at + 2] & 0xff) << 8 | (data[at + 3] & 0xff);
            if (len > data.length - at - 4) {
                throw new MalformedEapException("TEAP TLV type " + (t & TYPE_MASK) + " Length " + len
                        + " runs past the message");
            }
            out.add(new TeapTlv((t & M_BIT) != 0, t & TYPE_MASK, Arrays.copyOfRange(data, at + 4, at + 4 + len)));
            at += 4 + len;
        }
        return out;
    }

    private static byte[] u16(int v) {
        return new byte[]{(byte) (v >>> 8), (byte) v};
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TeapTlv t && t.mandatory == mandatory && t.type == type && Arrays.equals(t.value, value);
    }

    @Override
    public int hashCode() {
        return type * 31 + Arrays.hashCode(value);
    }

    @Override
    public String toString() {
        // Values may hold inner EAP packets; the length is enough for logs.
        return "TeapTlv[type=" + type + (mandatory ? ", M" : "") + ", " + value.length + " octets]";
    }
}
