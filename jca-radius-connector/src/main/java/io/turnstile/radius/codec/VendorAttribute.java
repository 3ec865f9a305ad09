package io.turnstile.radius.codec;

import java.util.Arrays;
import java.util.HexFormat;

/**
 * One vendor sub-attribute from a Vendor-Specific attribute (RFC 2865 §5.26). As with {@link RadiusAttribute},
 * the value array is not copied and must be treated as immutable by convention.
 *
 * @param vendorId   SMI Private Enterprise Code (the 4 octets as received, for an {@link #UNPARSED} entry)
 * @param vendorType vendor attribute type; {@link #UNPARSED} when the VSA did not follow the vendor's sub-attribute
 *                   format and {@code value} is everything after the Vendor-Id
 * @param value      sub-attribute value (without vendor type and length octets)
 */
public record VendorAttribute(int vendorId, int vendorType, byte[] value) {

    /** vendorType of a VSA whose String did not parse as sub-attributes; the value is then the raw String. */
    public static final int UNPARSED = -1;

    public VendorAttribute {
        if (value == null) {
            throw new IllegalArgumentException("vendor " + vendorId + " attribute " + vendorType + ": null value");
        }
    }

    /**
     * This sub-attribute wrapped in its own Vendor-Specific attribute in its vendor's format (RFC 2865 §5.26); an
     * {@link #UNPARSED} entry gives back the Vendor-Specific attribute it came from.
     */
    public RadiusAttribute toAttribute() {
        if (vendorType == UNPARSED) {
            byte[] v = new byte[value.length + 4];
            Bytes.putInt32(v, 0, vendorId);
            System.arraycopy(value, 0, v, 4, value.length);
            return new RadiusAttribute(Rfc2865.VENDOR_SPECIFIC, v);
        }
        return VendorFormat.of(vendorId).encode(vendorId, vendorType, value);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof VendorAttribute a && a.vendorId == vendorId && a.vendorType == vendorType
                && Arrays.equals(a.value, value);
    }

    @Override
    public int hashCode() {
        return (31 * vendorId + vendorType) * 31 + Arrays.hashCode(value);
    }

    /** Hex value; MS-MPPE keys are printed as {@code <hidden>}. */
    @Override
    public String toString() {
        boolean secret = vendorId == Rfc2548.VENDOR_MICROSOFT
                && (vendorType == Rfc2548.MS_MPPE_SEND_KEY || vendorType == Rfc2548.MS_MPPE_RECV_KEY);
        return "VendorAttribute[vendorId=" + vendorId + ", vendorType=" + vendorType + ", value="
                + (secret ? "<hidden>" : HexFormat.of().formatHex(value)) + "]";
    }
}
