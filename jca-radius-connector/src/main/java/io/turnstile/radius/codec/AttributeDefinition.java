package io.turnstile.radius.codec;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * One attribute of the dictionary (FreeRADIUS {@code ATTRIBUTE} and its {@code VALUE}s).
 *
 * @param name       e.g. {@code Tunnel-Private-Group-Id}
 * @param vendorId   0 for IETF attributes, else the vendor of a Vendor-Specific sub-attribute
 * @param type       attribute type (or vendor type)
 * @param dataType   value type
 * @param hasTag     RFC 2868 §3 tagged attribute
 * @param encrypt    0 none, 1 User-Password style (RFC 2865 §5.2), 2 Tunnel-Password/MPPE salted
 *                   (RFC 2868 §3.5, RFC 2548 §2.4.2), 3 Ascend secret
 * @param values     VALUE names to numbers in definition order (looked up case-insensitively); unmodifiable
 */
public record AttributeDefinition(String name, int vendorId, int type, DataType dataType, boolean hasTag, int encrypt,
                                  Map<String, Long> values) {

    public AttributeDefinition {
        if (name == null || name.isEmpty() || dataType == null) {
            throw new IllegalArgumentException("attribute needs a name and a data type");
        }
        if (encrypt < 0 || encrypt > 3) {
            throw new IllegalArgumentException(name + ": encrypt must be 0..3: " + encrypt);
        }
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));   // keeps definition order
    }

    /** A definition without VALUE names. */
    public AttributeDefinition(String name, int vendorId, int type, DataType dataType, boolean hasTag, int encrypt) {
        this(name, vendorId, type, dataType, hasTag, encrypt, Map.of());
    }

    /** The number of a VALUE name (case-insensitive). */
    public Optional<Long> valueOf(String valueName) {
        Long exact = values.get(valueName);
        if (exact != null) {
            return Optional.of(exact);
        }
        for (Map.Entry<String, Long> e : values.entrySet()) {
            if (e.getKey().equalsIgnoreCase(valueName)) {
                return Optional.of(e.getValue());
            }
        }
        return Optional.empty();
    }

    /** The first-defined VALUE name of a number. */
    public Optional<String> valueName(long value) {
        for (Map.Entry<String, Long> e : values.entrySet()) {
            if (e.getValue() == value) {
                return Optional.of(e.getKey());
            }
        }
        return Optional.empty();
    }

    /** Whether values must never be logged: encrypted attributes, User-Password, Tunnel-Password, MPPE keys. */
    public boolean secret() {
        if (encrypt != 0) {
            return true;
        }
        if (vendorId == 0) {
            return type == Rfc2865.USER_PASSWORD || type == Rfc2868.TUNNEL_PASSWORD
                    || type == Rfc2869.MESSAGE_AUTHENTICATOR;
        }
        return vendorId == Rfc2548.VENDOR_MICROSOFT
                && (type == Rfc2548.MS_MPPE_SEND_KEY || type == Rfc2548.MS_MPPE_RECV_KEY);
    }

    AttributeDefinition withValue(String valueName, long number) {
        Map<String, Long> v = new LinkedHashMap<>(values);
        v.put(valueName, number);
        return new AttributeDefinition(name, vendorId, type, dataType, hasTag, encrypt, v);
    }

    AttributeDefinition withName(String newName) {
        return new AttributeDefinition(newName, vendorId, type, dataType, hasTag, encrypt, values);
    }
}
