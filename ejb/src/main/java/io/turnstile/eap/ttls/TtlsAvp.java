package io.turnstile.eap.ttls;

import io.turnstile.eap.MalformedEapException;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One Diameter-style AVP of EAP-TTLS Phase 2 (RFC 5281 §10.1): AVP Code (4), Flags (V, M, 6 reserved), AVP Length
 * (3, header and data, without padding), Vendor-ID (4, only with V), Data; each AVP is padded to a multiple of four
 * octets (§10.2).
 *
 * @param code      AVP code (RADIUS attribute types for vendor 0, RFC 5281 §10.2)
 * @param mandatory the M bit: a server that does not understand the AVP must fail the negotiation (§10.1)
 * @param vendorId  vendor id, 0 without the V bit
 */
public record TtlsAvp(long code, boolean mandatory, long vendorId, byte[] data) {

    /** RFC 2865 §5.1 / RFC 5281 §11.2.5: User-Name. */
    public static final int USER_NAME = 1;
    /** RFC 2865 §5.2 / RFC 5281 §11.2.5: User-Password, in the clear inside the tunnel, padded with NULs. */
    public static final int USER_PASSWORD = 2;
    /** RFC 3579 §3.1: EAP-Message (EAP inside TTLS, §11.1). */
    public static final int EAP_MESSAGE = 79;

    static final int FLAG_VENDOR = 0x80;
    static final int FLAG_MANDATORY = 0x40;
    /** AVP Length is 24 bits: nothing longer can be expressed. */
    static final int MAX_LENGTH = 0xffffff;

    public TtlsAvp {
        data = data == null ? new byte[0] : data.clone();
        if (code < 0 || code > 0xffffffffL || vendorId < 0 || vendorId > 0xffffffffL) {
            throw new IllegalArgumentException("AVP code and vendor id are 32-bit unsigned");
        }
    }

    @Override
    public byte[] data() {
        return data.clone();
    }

    /** A vendor-0 AVP with the M bit, as RFC 5281 §11.2 sends RADIUS attributes. */
    public static TtlsAvp of(int code, byte[] data) {
        return new TtlsAvp(code, true, 0, data);
    }

    int headerLength() {
        return vendorId != 0 ? 12 : 8;
    }

    /** The whole sequence of AVPs of one Phase 2 message; trailing octets that do not form an AVP are malformed. */
    public static List<TtlsAvp> parseAll(byte[] bytes) throws MalformedEapException {
        List<TtlsAvp> out = new ArrayList<>();
        int at = 0;
        while (at < bytes.length) {
            if (bytes.length - at < 8) {
                throw new MalformedEapException("AVP header truncated at octet " + at);
            }
            long code = (bytes[at] & 0xffL) << 24 | (bytes[at + 1] & 0xff) << 16 | (bytes[at + 2] & 0xff) << 8
                    | (bytes[at + 3] & 0xff);
            int flags = bytes[at + 4] & 0xff;
            int length = (bytes[at + 5] & 0xff) << 16 | (bytes[at + 6] & 0xff) << 8 | (bytes[at + 7] & 0xff);
            boolean vendor = (flags & FLAG_VENDOR) != 0;
            int header = vendor ? 12 : 8;
            if (length < header) {
                throw new MalformedEapException("AVP length " + length + " shorter than its header");
            }
            if (length > bytes.length - at) {
                throw new MalformedEapException("AVP length " + length + " beyond the message");
            }
            long vendorId = 0;
            if (vendor) {
                vendorId = (bytes[at + 8] & 0xffL) << 24 | (bytes[at + 9] & 0xff) << 16 | (bytes[at + 10] & 0xff) << 8
                        | (bytes[at + 11] & 0xff);
            }
            out.add(new TtlsAvp(code, (flags & FLAG_MANDATORY) != 0, vendorId,
                    Arrays.copyOfRange(bytes, at + header, at + length)));
            // §10.2: padding to a four-octet boundary; the last AVP's padding may be missing in the wild.
            int padded = length + ((4 - (length & 3)) & 3);
            at = Math.min(bytes.length, at + padded);
        }
        return out;
    }

    /** RFC 5281 §10.1 encoding, with the padding of §10.2. */
    public byte[] encode() {
        int length = headerLength() + data.length;
        if (length > MAX_LENGTH) {
            throw new IllegalStateException("AVP too long");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(length + 3);
        out.write((int) (code >>> 24));
        out.write((int) (code >>> 16));
        out.write((int) (code >>> 8));
        out.write((int) code);
        out.write((vendorId != 0 ? FLAG_VENDOR : 0) | (mandatory ? FLAG_MANDATORY : 0));
        out.write(length >>> 16);
        out.write(length >>> 8);
        out.write(length);
        if (vendorId != 0) {
            out.write((int) (vendorId >>> 24));
            out.write((int) (vendorId >>> 16));
            out.write((int) (vendorId >>> 8));
            out.write((int) vendorId);
        }
        out.writeBytes(data);
        for (int i = length; (i & 3) != 0; i++) {
            out.write(0);
        }
        return out.toByteArray();
    }

    public static byte[] encodeAll(List<TtlsAvp> avps) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        avps.forEach(a -> out.writeBytes(a.encode()));
        return out.toByteArray();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TtlsAvp a && a.code == code && a.mandatory == mandatory && a.vendorId == vendorId
                && Arrays.equals(a.data, data);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(code) * 31 + Arrays.hashCode(data);
    }

    /** Never shows the data: a User-Password AVP must not reach a log. */
    @Override
    public String toString() {
        return "TtlsAvp[code=" + code + ", mandatory=" + mandatory + ", vendorId=" + vendorId + ", data=<"
                + data.length + " octets>]";
    }
}
