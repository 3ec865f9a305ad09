package io.turnstile.radius.codec;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * A decoded RADIUS packet (RFC 2865 §3): Code, Identifier, Authenticator and the attributes in wire order.
 *
 * <p>Immutable: the attribute list is unmodifiable (lists not produced by the codec are copied once). The
 * authenticator array is not copied and must be treated as immutable by convention, like attribute values.
 *
 * @param code          packet type, 0..255
 * @param identifier    0..255
 * @param authenticator 16 octets, as on the wire
 * @param attributes    in wire order; order matters for Proxy-State (RFC 2865 §5.33) and EAP-Message (RFC 3579 §3.1)
 */
public record RadiusPacket(int code, int identifier, byte[] authenticator, List<RadiusAttribute> attributes) {

    public RadiusPacket {
        if (code < 0 || code > 255) {
            throw new IllegalArgumentException("code out of range 0..255: " + code);
        }
        if (identifier < 0 || identifier > 255) {
            throw new IllegalArgumentException("identifier out of range 0..255: " + identifier);
        }
        if (authenticator == null || authenticator.length != 16) {
            throw new IllegalArgumentException("authenticator must be 16 octets (RFC 2865 §3)");
        }
        if (!(attributes instanceof AttributeList)) {
            attributes = List.copyOf(attributes);   // rejects nulls; returns as-is if already an immutable List
        }
    }

    /** The first attribute of the given type. */
    public Optional<RadiusAttribute> first(int type) {
        for (int i = 0, n = attributes.size(); i < n; i++) {
            RadiusAttribute a = attributes.get(i);
            if (a.type() == type) {
                return Optional.of(a);
            }
        }
        return Optional.empty();
    }

    /** All attributes of the given type, in wire order. */
    public List<RadiusAttribute> all(int type) {
        List<RadiusAttribute> out = null;
        for (int i = 0, n = attributes.size(); i < n; i++) {
            RadiusAttribute a = attributes.get(i);
            if (a.type() == type) {
                if (out == null) {
                    out = new ArrayList<>(2);
                }
                out.add(a);
            }
        }
        return out == null ? List.of() : List.copyOf(out);
    }

    /** The first attribute of the given type, as UTF-8 text. */
    public Optional<String> string(int type) {
        return first(type).map(RadiusAttribute::stringValue);
    }

    /**
     * The first attribute of the given type as a 4-octet integer; empty if absent or not 4 octets long (an integer
     * attribute of another length is invalid, RFC 2865 §5, and is treated as absent).
     */
    public Optional<Integer> integer(int type) {
        return first(type).filter(a -> a.value().length == 4).map(RadiusAttribute::intValue);
    }

    /**
     * All vendor sub-attributes of all Vendor-Specific attributes (RFC 2865 §5.26), flattened in wire order. A VSA
     * whose String does not follow its vendor's sub-attribute layout is returned as one
     * {@link VendorAttribute#UNPARSED} entry; a VSA shorter than its Vendor-Id is skipped.
     */
    public List<VendorAttribute> vendorAttributes() {
        List<VendorAttribute> out = new ArrayList<>();
        for (int i = 0, n = attributes.size(); i < n; i++) {
            RadiusAttribute a = attributes.get(i);
            if (a.type() == Rfc2865.VENDOR_SPECIFIC && a.value().length >= 4) {
                int vendorId = Bytes.int32(a.value(), 0);
                VendorFormat.of(vendorId).split(vendorId, a.value(), out);
            }
        }
        return List.copyOf(out);
    }

    /** The first vendor sub-attribute with the given vendor and type. */
    public Optional<VendorAttribute> vendorAttribute(int vendorId, int vendorType) {
        for (int i = 0, n = attributes.size(); i < n; i++) {
            RadiusAttribute a = attributes.get(i);
            if (a.type() == Rfc2865.VENDOR_SPECIFIC && a.value().length >= 4 && Bytes.int32(a.value(), 0) == vendorId) {
                List<VendorAttribute> subs = new ArrayList<>(1);
                VendorFormat.of(vendorId).split(vendorId, a.value(), subs);
                for (VendorAttribute v : subs) {
                    if (v.vendorType() == vendorType) {
                        return Optional.of(v);
                    }
                }
            }
        }
        return Optional.empty();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RadiusPacket p && p.code == code && p.identifier == identifier
                && Arrays.equals(p.authenticator, authenticator) && p.attributes.equals(attributes);
    }

    @Override
    public int hashCode() {
        return ((31 * code + identifier) * 31 + Arrays.hashCode(authenticator)) * 31 + attributes.hashCode();
    }

    @Override
    public String toString() {
        return "RadiusPacket[code=" + code + ", identifier=" + identifier + ", authenticator="
                + HexFormat.of().formatHex(authenticator) + ", attributes=" + attributes + "]";
    }
}
