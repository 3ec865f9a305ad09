package io.turnstile.radius.codec;

import java.util.List;

/**
 * Sub-attribute layout inside a Vendor-Specific String (RFC 2865 §5.26 recommends 1-octet type and 1-octet length;
 * a few vendors use other widths, as FreeRADIUS's {@code format=t,l}). Immutable.
 *
 * @param typeOctets   1, 2 or 4
 * @param lengthOctets 0, 1 or 2 (0: a single sub-attribute spanning the rest of the VSA)
 */
record VendorFormat(int typeOctets, int lengthOctets) {

    static final VendorFormat STANDARD = new VendorFormat(1, 1);

    VendorFormat {
        if (typeOctets != 1 && typeOctets != 2 && typeOctets != 4 || lengthOctets < 0 || lengthOctets > 2) {
            throw new IllegalArgumentException("unsupported vendor format " + typeOctets + "," + lengthOctets);
        }
    }

    /** Known non-standard layouts (USR 4,0; Lucent 2,1; Starent 2,2); everyone else is standard. */
    static VendorFormat of(int vendorId) {
        return switch (vendorId) {
            case 429 -> new VendorFormat(4, 0);
            case 4846 -> new VendorFormat(2, 1);
            case 8164 -> new VendorFormat(2, 2);
            default -> STANDARD;
        };
    }

    int headerLength() {
        return typeOctets + lengthOctets;
    }

    /** Largest vendor type, unsigned; 4-octet types above 2^31-1 are carried as negative ints. */
    long maxType() {
        return (1L << (8 * typeOctets)) - 1;
    }

    RadiusAttribute encode(int vendorId, int vendorType, byte[] value) {
        if (this.equals(STANDARD)) {
            return RadiusAttribute.vendorSpecific(vendorId, vendorType, value);
        }
        if (typeOctets < 4 && (vendorType < 0 || vendorType > maxType())) {
            throw new IllegalArgumentException("vendor " + vendorId + ": type out of range: " + vendorType);
        }
        int h = headerLength();
        if (value.length + 4 + h > RadiusAttribute.MAX_VALUE_LENGTH) {
            throw new IllegalArgumentException("vendor " + vendorId + " attribute " + vendorType + ": value too long");
        }
        byte[] v = new byte[4 + h + value.length];
        Bytes.putInt32(v, 0, vendorId);
        put(v, 4, typeOctets, vendorType);
        put(v, 4 + typeOctets, lengthOctets, h + value.length);
        System.arraycopy(value, 0, v, 4 + h, value.length);
        return new RadiusAttribute(Rfc2865.VENDOR_SPECIFIC, v);
    }

    /**
     * Splits the String of a VSA ({@code vsa} is the whole attribute value, Vendor-Id first) into {@code out}.
     * If the sub-attributes do not tile the String exactly (RFC 2865 §5.26 only recommends the layout), or the
     * Vendor-Id's high-order octet is not zero (§5.26: it is), the String is added as one
     * {@link VendorAttribute#UNPARSED} entry instead.
     */
    void split(int vendorId, byte[] vsa, List<VendorAttribute> out) {
        int h = headerLength();
        int n = out.size();
        int p = 4;
        boolean ok = vsa.length > 4 && (vendorId >>> 24) == 0;
        while (ok && p < vsa.length) {
            if (p + h > vsa.length) {
                ok = false;
                break;
            }
            int type = get(vsa, p, typeOctets);
            int len = lengthOctets == 0 ? vsa.length - p : get(vsa, p + typeOctets, lengthOctets);
            if (len < h || p + len > vsa.length) {
                ok = false;
                break;
            }
            byte[] v = new byte[len - h];
            System.arraycopy(vsa, p + h, v, 0, v.length);
            out.add(new VendorAttribute(vendorId, type, v));
            p += len;
        }
        if (!ok) {
            out.subList(n, out.size()).clear();
            byte[] raw = new byte[Math.max(0, vsa.length - 4)];
            System.arraycopy(vsa, Math.min(4, vsa.length), raw, 0, raw.length);
            out.add(new VendorAttribute(vendorId, VendorAttribute.UNPARSED, raw));
        }
    }

    private static int get(byte[] b, int off, int n) {
        return switch (n) {
            case 1 -> Bytes.uint8(b, off);
            case 2 -> Bytes.uint16(b, off);
            default -> Bytes.int32(b, off);
        };
    }

    private static void put(byte[] b, int off, int n, int v) {
        switch (n) {
            case 0 -> { }
            case 1 -> b[off] = (byte) v;
            case 2 -> Bytes.putUint16(b, off, v);
            default -> Bytes.putInt32(b, off, v);
        }
    }
}
