package io.turnstile.radius.codec;

import java.util.Locale;
import java.util.Optional;

/**
 * Attribute data types of the FreeRADIUS dictionary format (RFC 2865 §5 "text", "string", "address", "integer",
 * "time"; RFC 3162 for the IPv6 types; RFC 8044 names them all).
 */
public enum DataType {
    /** Octets, usually UTF-8 text (FreeRADIUS "string"). */
    STRING,
    /** Opaque octets. */
    OCTETS,
    /** UTF-8 text (RFC 8044 §3.4). */
    TEXT,
    /** IPv4 address, 4 octets. */
    IPADDR,
    /** IPv6 address, 16 octets (RFC 3162 §2.1). */
    IPV6ADDR,
    /** Reserved octet, prefix length octet, up to 16 prefix octets (RFC 3162 §2.3). */
    IPV6PREFIX,
    /** IPv6 interface identifier, 8 octets (RFC 3162 §2.2). */
    IFID,
    /** 32-bit unsigned, big-endian. */
    INTEGER,
    /** 64-bit unsigned, big-endian (RFC 8044 §3.12). */
    INTEGER64,
    /** Seconds since 1970-01-01 UTC, 32-bit unsigned (RFC 2865 §5 "time"). */
    DATE,
    /** 8-bit unsigned. */
    BYTE,
    /** 16-bit unsigned. */
    SHORT,
    /** 32-bit signed. */
    SIGNED,
    /** Ethernet MAC address, 6 octets. */
    ETHER,
    /** Ascend binary filter, kept raw. */
    ABINARY,
    /** Type-length-value container, kept raw. */
    TLV,
    /** Vendor-Specific container (RFC 2865 §5.26). */
    VSA;

    /** The FreeRADIUS name, e.g. {@code ipaddr}. */
    public String dictionaryName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses a FreeRADIUS type name (also the RFC 8044 / FreeRADIUS 4 spellings uint8, uint32, ipv4addr, ...). */
    public static Optional<DataType> fromDictionaryName(String name) {
        return Optional.ofNullable(switch (name.toLowerCase(Locale.ROOT)) {
            case "string" -> STRING;
            case "octets" -> OCTETS;
            case "text" -> TEXT;
            case "ipaddr", "ipv4addr" -> IPADDR;
            case "ipv6addr" -> IPV6ADDR;
            case "ipv6prefix" -> IPV6PREFIX;
            case "ifid" -> IFID;
            case "integer", "uint32", "time", "enum" -> INTEGER;
            case "integer64", "uint64" -> INTEGER64;
            case "date" -> DATE;
            case "byte", "uint8" -> BYTE;
            case "short", "uint16" -> SHORT;
            case "signed", "int32" -> SIGNED;
            case "ether" -> ETHER;
            case "abinary" -> ABINARY;
            case "tlv" -> TLV;
            case "vsa" -> VSA;
            default -> null;
        });
    }

    /** Whether VALUE names may be attached (numeric types). */
    public boolean isNumeric() {
        return this == INTEGER || this == INTEGER64 || this == BYTE || this == SHORT || this == SIGNED || this == DATE;
    }
}
