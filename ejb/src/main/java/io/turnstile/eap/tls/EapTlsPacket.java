package io.turnstile.eap.tls;

import io.turnstile.eap.MalformedEapException;

import java.util.Arrays;

/**
 * The Type-Data of an EAP-TLS Request/Response (RFC 5216 §3.1, unchanged by RFC 9190): Flags, an optional four-octet
 * TLS Message Length, and TLS data.
 *
 * @param flags         {@link #LENGTH_INCLUDED}, {@link #MORE_FRAGMENTS}, {@link #START}; reserved bits are ignored
 * @param messageLength total length of the TLS message when {@link #LENGTH_INCLUDED} is set, else -1
 * @param data          TLS record bytes of this fragment
 */
public record EapTlsPacket(int flags, long messageLength, byte[] data) {

    /** RFC 5216 §3.1: L, the TLS Message Length field is present. */
    public static final int LENGTH_INCLUDED = 0x80;
    /** RFC 5216 §3.1: M, more fragments follow. */
    public static final int MORE_FRAGMENTS = 0x40;
    /** RFC 5216 §3.1: S, EAP-TLS Start (server to peer only). */
    public static final int START = 0x20;

    public EapTlsPacket {
        data = data == null ? new byte[0] : data.clone();
    }

    public static EapTlsPacket ack() {
        return new EapTlsPacket(0, -1, null);
    }

    public boolean has(int flag) {
        return (flags & flag) != 0;
    }

    /** An empty Response without M: the peer acknowledges a fragment, or the final server flight (RFC 5216 §2.1.5). */
    public boolean isAck() {
        return data.length == 0 && !has(MORE_FRAGMENTS);
    }

    @Override
    public byte[] data() {
        return data.clone();
    }

    int dataLength() {
        return data.length;
    }

    public static EapTlsPacket parse(byte[] typeData) throws MalformedEapException {
        if (typeData.length < 1) {
            throw new MalformedEapException("EAP-TLS packet without Flags (RFC 5216 §3.1)");
        }
        int flags = typeData[0] & 0xff;
        int offset = 1;
        long length = -1;
        if ((flags & LENGTH_INCLUDED) != 0) {
            if (typeData.length < 5) {
                throw new MalformedEapException("EAP-TLS L flag without a four-octet TLS Message Length");
            }
            length = ((long) (typeData[1] & 0xff) << 24) | ((typeData[2] & 0xff) << 16) | ((typeData[3] & 0xff) << 8)
                    | (typeData[4] & 0xff);
            offset = 5;
        }
        return new EapTlsPacket(flags, length, Arrays.copyOfRange(typeData, offset, typeData.length));
    }

    public byte[] encode() {
        boolean withLength = has(LENGTH_INCLUDED);
        byte[] out = new byte[1 + (withLength ? 4 : 0) + data.length];
        out[0] = (byte) flags;
        int p = 1;
        if (withLength) {
            out[1] = (byte) (messageLength >>> 24);
            out[2] = (byte) (messageLength >>> 16);
            out[3] = (byte) (messageLength >>> 8);
            out[4] = (byte) messageLength;
            p = 5;
        }
        System.arraycopy(data, 0, out, p, data.length);
        return out;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof EapTlsPacket p && p.flags == flags && p.messageLength == messageLength
                && Arrays.equals(p.data, data);
    }

    @Override
    public int hashCode() {
        return flags * 31 + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return "EapTlsPacket[flags=0x" + Integer.toHexString(flags) + ", length=" + messageLength + ", data="
                + data.length + " octets]";
    }
}
