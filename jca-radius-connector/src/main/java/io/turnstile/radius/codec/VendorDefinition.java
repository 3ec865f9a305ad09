package io.turnstile.radius.codec;

/**
 * A vendor of the dictionary (FreeRADIUS {@code VENDOR name id [format=t,l]}).
 *
 * @param name         e.g. {@code Cisco}
 * @param id           SMI Private Enterprise Code, 1..0xFFFFFF (RFC 2865 §5.26)
 * @param typeOctets   width of the sub-attribute type: 1, 2 or 4 (RFC 2865 §5.26 recommends 1)
 * @param lengthOctets width of the sub-attribute length: 0, 1 or 2 (recommended 1)
 */
public record VendorDefinition(String name, int id, int typeOctets, int lengthOctets) {

    public VendorDefinition {
        if (id < 1 || id > 0xFFFFFF) {
            throw new IllegalArgumentException("vendor " + name + ": id " + id + " out of range 1..16777215");
        }
        new VendorFormat(typeOctets, lengthOctets);   // validates
    }

    VendorFormat format() {
        return typeOctets == 1 && lengthOctets == 1 ? VendorFormat.STANDARD : new VendorFormat(typeOctets, lengthOctets);
    }
}
