package io.turnstile.radius.codec;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * One RADIUS attribute as it is on the wire: Type, and the Value without the Type and Length octets
 * (RFC 2865 §5). Values are interpreted by {@link RadiusDictionary} or the typed accessors below.
 *
 * <p><b>The value array is not copied</b>, neither on construction nor by {@link #value()}: the decoder hands out
 * slices it allocated once, and callers must treat the array as immutable by convention. Never modify an array
 * after passing it in or after obtaining it.
 *
 * @param type  attribute type, 1..255 (0 is not assigned but tolerated on decode)
 * @param value attribute value, 0..253 octets (RFC 2865 §5: Length is one octet including the 2 header octets)
 */
public record RadiusAttribute(int type, byte[] value) {

    /** RFC 2865 §5: the Length octet covers Type, Length and Value, so a value holds at most 253 octets. */
    public static final int MAX_VALUE_LENGTH = 253;

    public RadiusAttribute {
        if (type < 0 || type > 255) {
            throw new IllegalArgumentException("attribute type out of range 0..255: " + type);
        }
        if (value == null) {
            throw new IllegalArgumentException("attribute " + type + ": null value");
        }
        if (value.length > MAX_VALUE_LENGTH) {
            throw new IllegalArgumentException(
                    "attribute " + type + ": value of " + value.length + " octets exceeds 253 (RFC 2865 §5)");
        }
    }

    /** A text attribute, UTF-8 encoded (RFC 2865 §5 "text"). */
    public static RadiusAttribute ofString(int type, String utf8) {
        return new RadiusAttribute(type, utf8.getBytes(StandardCharsets.UTF_8));
    }

    /** A 32-bit unsigned integer, 4 octets big-endian (RFC 2865 §5 "integer"). */
    public static RadiusAttribute ofInt(int type, int value) {
        return new RadiusAttribute(type, new byte[] {
                (byte) (value >>> 24), (byte) (value >>> 16), (byte) (value >>> 8), (byte) value});
    }

    /** An opaque value; the array is not copied. */
    public static RadiusAttribute ofBytes(int type, byte[] value) {
        return new RadiusAttribute(type, value);
    }

    /** An IPv4 address, 4 octets network order (RFC 2865 §5 "address"). */
    public static RadiusAttribute ofAddress(int type, InetAddress v4) {
        if (!(v4 instanceof Inet4Address)) {
            throw new IllegalArgumentException("attribute " + type + ": not an IPv4 address: " + v4);
        }
        return new RadiusAttribute(type, v4.getAddress());
    }

    /**
     * A tagged string (RFC 2868 §3.6, e.g. Tunnel-Private-Group-ID): the Tag octet then the string.
     * The Tag octet is always written, also for tag 0, so a value starting with an octet &lt;= 0x1F is never
     * mistaken for a tag.
     *
     * @param tag 0..0x1F (RFC 2868 §3.1)
     */
    public static RadiusAttribute ofTaggedString(int type, int tag, String value) {
        checkTag(type, tag);
        byte[] s = value.getBytes(StandardCharsets.UTF_8);
        byte[] v = new byte[s.length + 1];
        v[0] = (byte) tag;
        System.arraycopy(s, 0, v, 1, s.length);
        return new RadiusAttribute(type, v);
    }

    /**
     * A tagged integer (RFC 2868 §3.1 Tunnel-Type, §3.2 Tunnel-Medium-Type): the Tag in the first octet, then a
     * 3-octet value.
     *
     * @param tag   0..0x1F
     * @param value 0..0xFFFFFF
     */
    public static RadiusAttribute ofTaggedInt(int type, int tag, int value) {
        checkTag(type, tag);
        if (value < 0 || value > 0xFFFFFF) {
            throw new IllegalArgumentException("attribute " + type + ": tagged integer out of 3-octet range: " + value);
        }
        return new RadiusAttribute(type, new byte[] {(byte) tag, (byte) (value >>> 16), (byte) (value >>> 8), (byte) value});
    }

    /**
     * A Vendor-Specific attribute (RFC 2865 §5.26) holding one sub-attribute in the recommended format:
     * Vendor-Id (4 octets), Vendor type (1), Vendor length (1, including type and length), value.
     *
     * @param vendorId   SMI Network Management Private Enterprise Code, high octet zero
     * @param vendorType 0..255
     * @param value      at most 247 octets; not copied
     */
    public static RadiusAttribute vendorSpecific(int vendorId, int vendorType, byte[] value) {
        if (vendorId < 0 || vendorId > 0xFFFFFF) {
            throw new IllegalArgumentException("Vendor-Id out of range (RFC 2865 §5.26: high-order octet is 0): " + vendorId);
        }
        if (vendorType < 0 || vendorType > 255) {
            throw new IllegalArgumentException("vendor type out of range 0..255: " + vendorType);
        }
        if (value.length > MAX_VALUE_LENGTH - 6) {
            throw new IllegalArgumentException(
                    "vendor " + vendorId + " attribute " + vendorType + ": value of " + value.length + " octets exceeds 247");
        }
        byte[] v = new byte[value.length + 6];
        v[1] = (byte) (vendorId >>> 16);
        v[2] = (byte) (vendorId >>> 8);
        v[3] = (byte) vendorId;
        v[4] = (byte) vendorType;
        v[5] = (byte) (value.length + 2);
        System.arraycopy(value, 0, v, 6, value.length);
        return new RadiusAttribute(Rfc2865.VENDOR_SPECIFIC, v);
    }

    /** The value decoded as UTF-8 (malformed sequences are replaced, never thrown). */
    public String stringValue() {
        return new String(value, StandardCharsets.UTF_8);
    }

    /**
     * The value as a 4-octet big-endian integer (RFC 2865 §5). Values above 2^31-1 come back negative; use
     * {@code Integer.toUnsignedLong} for the unsigned reading.
     *
     * @throws IllegalStateException if the value is not exactly 4 octets
     */
    public int intValue() {
        if (value.length != 4) {
            throw new IllegalStateException("attribute " + type + ": integer needs 4 octets, has " + value.length);
        }
        return Bytes.int32(value, 0);
    }

    /**
     * The Tag octet of a tagged attribute (RFC 2868 §3), or 0 if the value is empty or its first octet is above 0x1F
     * (then it is the first octet of the data, RFC 2868 §3.6).
     */
    public int tag() {
        return value.length > 0 && (value[0] & 0xFF) <= 0x1F ? value[0] : 0;
    }

    /** The 3-octet value of a tagged integer (RFC 2868 §3.1). @throws IllegalStateException if not 4 octets */
    public int taggedIntValue() {
        return intValue() & 0xFFFFFF;
    }

    /** The string of a tagged string attribute (RFC 2868 §3.6): the first octet is skipped if it is a tag (&lt;= 0x1F). */
    public String taggedStringValue() {
        int from = value.length > 0 && (value[0] & 0xFF) <= 0x1F ? 1 : 0;
        return new String(value, from, value.length - from, StandardCharsets.UTF_8);
    }

    /** Octets this attribute takes on the wire: value plus Type and Length. */
    public int encodedLength() {
        return value.length + 2;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RadiusAttribute a && a.type == type && Arrays.equals(a.value, value);
    }

    @Override
    public int hashCode() {
        return 31 * type + Arrays.hashCode(value);
    }

    /** Hex value; secrets (User-Password, Tunnel-Password, MS-MPPE keys) are printed as {@code <hidden>}. */
    @Override
    public String toString() {
        return "RadiusAttribute[type=" + type + ", value=" + (isSecret() ? "<hidden>" : HexFormat.of().formatHex(value)) + "]";
    }

    private boolean isSecret() {
        if (type == Rfc2865.USER_PASSWORD || type == Rfc2868.TUNNEL_PASSWORD) {
            return true;
        }
        // RFC 2548 §2.4.2/2.4.3 keys inside a Microsoft VSA
        return type == Rfc2865.VENDOR_SPECIFIC && value.length >= 5 && Bytes.int32(value, 0) == Rfc2548.VENDOR_MICROSOFT
                && (value[4] == Rfc2548.MS_MPPE_SEND_KEY || value[4] == Rfc2548.MS_MPPE_RECV_KEY);
    }

    private static void checkTag(int type, int tag) {
        if (tag < 0 || tag > 0x1F) {
            throw new IllegalArgumentException("attribute " + type + ": tag out of range 0..31 (RFC 2868 §3): " + tag);
        }
    }
}
