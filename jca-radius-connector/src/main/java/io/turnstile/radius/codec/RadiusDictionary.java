package io.turnstile.radius.codec;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;

/**
 * Attribute dictionary in the FreeRADIUS format: names, numbers, data types, flags and VALUE names. Immutable once
 * built, so one instance is shared by all threads; {@link #load} returns a new dictionary extending a base.
 *
 * <p>Supported syntax (one statement per line, {@code #} starts a comment):
 * <pre>
 *   VENDOR        Name  id  [format=t,l]
 *   BEGIN-VENDOR  Name
 *   ATTRIBUTE     Name  number  type  [flags | VendorName]     flags: has_tag, encrypt=1|2|3 (comma-separated)
 *   VALUE         Attribute-Name  Value-Name  number
 *   END-VENDOR    Name
 * </pre>
 * {@code $INCLUDE}, TLV/extended attributes (RFC 6929) and the FreeRADIUS 4 keywords are rejected with an error;
 * the flags {@code array}, {@code concat}, {@code virtual} and {@code internal} are accepted and ignored.
 */
public final class RadiusDictionary {

    /** Bundled dictionaries, in load order, under {@code io/turnstile/radius/codec/dictionary/}. */
    private static final List<String> STANDARD_FILES = List.of(
            "dictionary.rfc2865", "dictionary.rfc2866", "dictionary.rfc2867", "dictionary.rfc2868",
            "dictionary.rfc2869", "dictionary.rfc3162", "dictionary.rfc3580", "dictionary.rfc4675",
            "dictionary.rfc5176", "dictionary.microsoft", "dictionary.cisco", "dictionary.hp", "dictionary.juniper",
            "dictionary.aruba", "dictionary.paloalto", "dictionary.arista");

    private static final int MAX_NAME_LENGTH = 128;

    private final Map<String, AttributeDefinition> byName;     // lower-case name -> definition
    private final Map<Long, AttributeDefinition> byCode;       // vendor << 32 | type -> definition (last name wins)
    private final Map<String, VendorDefinition> vendorsByName; // lower-case
    private final Map<Integer, VendorDefinition> vendorsById;

    private RadiusDictionary(Map<String, AttributeDefinition> byName, Map<Long, AttributeDefinition> byCode,
                             Map<String, VendorDefinition> vendorsByName, Map<Integer, VendorDefinition> vendorsById) {
        this.byName = Collections.unmodifiableMap(byName);
        this.byCode = Collections.unmodifiableMap(byCode);
        this.vendorsByName = Collections.unmodifiableMap(vendorsByName);
        this.vendorsById = Collections.unmodifiableMap(vendorsById);
    }

    /** A dictionary without any definitions. */
    public static RadiusDictionary empty() {
        return Empty.INSTANCE;
    }

    /**
     * The bundled dictionaries: IETF (RFC 2865, 2866, 2867, 2868, 2869, 3162, 3580, 4675, 5176), Microsoft (311),
     * Cisco (9), HP (11), Juniper (2636), Aruba (14823), Palo Alto (25461), Arista (30065). Built once.
     */
    public static RadiusDictionary standard() {
        return Standard.INSTANCE;
    }

    /**
     * A new dictionary: {@code base} (may be null) plus the definitions read from {@code freeRadiusFormat}.
     *
     * @throws IllegalArgumentException naming the line and the problem, for any syntax or consistency error
     * @throws UncheckedIOException     if the reader fails
     */
    public static RadiusDictionary load(RadiusDictionary base, Reader freeRadiusFormat) {
        Builder b = new Builder(base == null ? empty() : base);
        b.parse(freeRadiusFormat, "dictionary");
        return b.build();
    }

    // ---------------------------------------------------------------- lookups

    /** The definition of an attribute name, case-insensitive. */
    public Optional<AttributeDefinition> byName(String name) {
        return Optional.ofNullable(byName.get(name.toLowerCase(Locale.ROOT)));
    }

    /** The definition of an attribute number; {@code vendorId} 0 for IETF attributes. */
    public Optional<AttributeDefinition> byCode(int vendorId, int type) {
        return Optional.ofNullable(byCode.get(key(vendorId, type)));
    }

    public Optional<VendorDefinition> vendor(String name) {
        return Optional.ofNullable(vendorsByName.get(name.toLowerCase(Locale.ROOT)));
    }

    public Optional<VendorDefinition> vendor(int id) {
        return Optional.ofNullable(vendorsById.get(id));
    }

    /** All attribute definitions (one per number). */
    public Collection<AttributeDefinition> attributes() {
        return byCode.values();
    }

    public Collection<VendorDefinition> vendors() {
        return vendorsById.values();
    }

    // ---------------------------------------------------------------- text -> attribute

    /**
     * Builds an attribute from text such as {@code Idle-Timeout=600}, {@code Tunnel-Private-Group-Id:1=vlan10},
     * {@code Cisco-AVPair=shell:priv-lvl=15} or {@code Service-Type=Framed-User}. Spaces around {@code =} and the
     * operators {@code :=} and {@code +=} are accepted; string values may be double-quoted with escapes. Vendor
     * attributes come back wrapped in a Vendor-Specific attribute (RFC 2865 §5.26).
     *
     * @throws IllegalArgumentException naming the attribute and what is wrong (unknown name, bad value, tag on an
     *                                  untagged attribute, value too long, encrypted attribute — use
     *                                  {@link #parseAssignment(String, byte[], byte[], SecureRandom)} for those)
     */
    public RadiusAttribute parseAssignment(String text) {
        return parseAssignment(text, null, null, null);
    }

    /**
     * As {@link #parseAssignment(String)}, and encrypts attributes flagged {@code encrypt=1} (RFC 2865 §5.2) or
     * {@code encrypt=2} (RFC 2868 §3.5 with a tag, RFC 2548 §2.4.2 without) with the secret and the Request
     * Authenticator of the request being answered.
     */
    public RadiusAttribute parseAssignment(String text, byte[] secret, byte[] requestAuthenticator, SecureRandom random) {
        int eq = text.indexOf('=');
        if (eq < 0) {
            throw new IllegalArgumentException("expected Name=value: '" + abbreviate(text) + "'");
        }
        String lhs = text.substring(0, eq).strip();
        if (lhs.endsWith(":") || lhs.endsWith("+")) {          // := and += operators
            lhs = lhs.substring(0, lhs.length() - 1).strip();
        }
        String rhs = text.substring(eq + 1).strip();
        int tag = -1;
        int colon = lhs.indexOf(':');
        if (colon >= 0) {
            long t = ValueCodec.parseUnsigned(lhs.substring(colon + 1).strip(), Rfc2868.MAX_TAG);
            if (t < 0) {
                throw new IllegalArgumentException("'" + abbreviate(lhs) + "': tag must be 0..31 (RFC 2868 §3)");
            }
            tag = (int) t;
            lhs = lhs.substring(0, colon).strip();
        }
        if (lhs.isEmpty()) {
            throw new IllegalArgumentException("missing attribute name in '" + abbreviate(text) + "'");
        }
        AttributeDefinition def = byName.get(lhs.toLowerCase(Locale.ROOT));
        if (def == null) {
            throw new IllegalArgumentException("unknown attribute '" + abbreviate(lhs) + "'");
        }
        if (tag >= 0 && !def.hasTag()) {
            throw new IllegalArgumentException(def.name() + " does not take a tag (has_tag not set)");
        }
        if (def.dataType() == DataType.VSA) {
            throw new IllegalArgumentException(def.name() + ": assign the vendor attribute itself, e.g. Cisco-AVPair=...");
        }
        byte[] value;
        if (def.encrypt() != 0) {
            value = encrypt(def, tag, ValueCodec.parse(def, rhs), secret, requestAuthenticator, random);
        } else {
            value = ValueCodec.parse(def, rhs);
            if (def.hasTag()) {
                int t = Math.max(tag, 0);
                if (def.dataType() == DataType.INTEGER) {
                    value[0] = (byte) t;                      // RFC 2868 §3.1: tag in the first octet, 3-octet value
                } else {
                    byte[] v = new byte[value.length + 1];    // RFC 2868 §3.6: tag octet, then the string
                    v[0] = (byte) t;
                    System.arraycopy(value, 0, v, 1, value.length);
                    value = v;
                }
            }
        }
        int max = def.vendorId() == 0 ? RadiusAttribute.MAX_VALUE_LENGTH
                : RadiusAttribute.MAX_VALUE_LENGTH - 4 - vendorFormat(def.vendorId()).headerLength();
        if (value.length > max) {
            throw new IllegalArgumentException(def.name() + ": value of " + value.length + " octets exceeds " + max);
        }
        if (def.vendorId() == 0) {
            return new RadiusAttribute(def.type(), value);
        }
        return vendorFormat(def.vendorId()).encode(def.vendorId(), def.type(), value);
    }

    private static byte[] encrypt(AttributeDefinition def, int tag, byte[] plain, byte[] secret, byte[] auth,
                                  SecureRandom random) {
        if (secret == null || auth == null || random == null) {
            throw new IllegalArgumentException(def.name() + " is encrypted (encrypt=" + def.encrypt()
                    + "): use parseAssignment(text, secret, requestAuthenticator, random)");
        }
        return switch (def.encrypt()) {
            case 1 -> UserPasswordHiding.hide(plain, secret, auth);
            case 2 -> def.hasTag()
                    ? TunnelPasswordHiding.hide(Math.max(tag, 0), plain, secret, auth, random)
                    : MppeKeyEncryption.encrypt(plain, secret, auth, random);
            default -> throw new IllegalArgumentException(def.name() + ": encrypt=" + def.encrypt() + " is not supported");
        };
    }

    // ---------------------------------------------------------------- attribute -> text

    /**
     * Text form for logs and events, e.g. {@code Service-Type = Framed-User}, {@code Tunnel-Private-Group-Id:1 = "10"},
     * {@code Cisco-AVPair = "shell:priv-lvl=15"}. Secrets (User-Password, Tunnel-Password, MS-MPPE keys,
     * Message-Authenticator, anything with an encrypt flag) are written {@code <hidden>}. Unknown attributes are
     * {@code Attr-N} / {@code Vendor-V-Attr-N} with a hex value. A Vendor-Specific attribute holding several
     * sub-attributes gives them comma-separated. For non-secret attributes the text parses back to the same value
     * with {@link #parseAssignment(String)}.
     */
    public String format(RadiusAttribute attribute) {
        byte[] v = attribute.value();
        if (attribute.type() == Rfc2865.VENDOR_SPECIFIC && v.length >= 4) {
            int vendorId = Bytes.int32(v, 0);
            List<VendorAttribute> subs = new ArrayList<>(1);
            vendorFormat(vendorId).split(vendorId, v, subs);
            StringJoiner j = new StringJoiner(", ");
            for (VendorAttribute s : subs) {
                j.add(format(s));
            }
            return j.toString();
        }
        AttributeDefinition def = byCode.get(key(0, attribute.type()));
        if (def == null) {
            def = new AttributeDefinition("Attr-" + attribute.type(), 0, attribute.type(), DataType.OCTETS, false, 0);
        }
        return formatValue(def, v);
    }

    /** Text form of one vendor sub-attribute; see {@link #format(RadiusAttribute)}. */
    public String format(VendorAttribute attribute) {
        if (attribute.vendorType() == VendorAttribute.UNPARSED) {
            return "Vendor-" + Integer.toUnsignedString(attribute.vendorId()) + " = 0x"
                    + java.util.HexFormat.of().formatHex(attribute.value());
        }
        AttributeDefinition def = byCode.get(key(attribute.vendorId(), attribute.vendorType()));
        if (def == null) {
            def = new AttributeDefinition("Vendor-" + attribute.vendorId() + "-Attr-"
                    + Integer.toUnsignedString(attribute.vendorType()),
                    attribute.vendorId(), attribute.vendorType(), DataType.OCTETS, false, 0);
        }
        return formatValue(def, attribute.value());
    }

    private static String formatValue(AttributeDefinition def, byte[] v) {
        if (def.secret()) {
            return def.name() + " = <hidden>";
        }
        if (def.hasTag()) {
            if (def.dataType() == DataType.INTEGER && v.length == 4 && (v[0] & 0xFF) <= Rfc2868.MAX_TAG) {
                return tagged(def.name(), v[0]) + " = " + ValueCodec.formatTaggedInt(def, v);
            }
            if (def.dataType() != DataType.INTEGER && v.length > 0 && (v[0] & 0xFF) <= Rfc2868.MAX_TAG) {
                return tagged(def.name(), v[0]) + " = " + ValueCodec.format(def, def.dataType(), v, 1);
            }
        }
        return def.name() + " = " + ValueCodec.format(def, def.dataType(), v, 0);
    }

    private static String tagged(String name, int tag) {
        return tag == 0 ? name : name + ":" + tag;
    }

    private VendorFormat vendorFormat(int vendorId) {
        VendorDefinition d = vendorsById.get(vendorId);
        return d != null ? d.format() : VendorFormat.of(vendorId);
    }

    private static long key(int vendorId, int type) {
        return (long) vendorId << 32 | (type & 0xFFFFFFFFL);
    }

    private static String abbreviate(String s) {
        return s.length() > 64 ? s.substring(0, 64) + "..." : s;
    }

    @Override
    public String toString() {
        return "RadiusDictionary[" + byCode.size() + " attributes, " + vendorsById.size() + " vendors]";
    }

    // ---------------------------------------------------------------- building

    private static final class Empty {
        static final RadiusDictionary INSTANCE =
                new RadiusDictionary(new HashMap<>(), new HashMap<>(), new HashMap<>(), new HashMap<>());
    }

    private static final class Standard {
        static final RadiusDictionary INSTANCE = loadStandard();

        private static RadiusDictionary loadStandard() {
            Builder b = new Builder(empty());
            for (String file : STANDARD_FILES) {
                String path = "dictionary/" + file;
                try (InputStream in = RadiusDictionary.class.getResourceAsStream(path)) {
                    if (in == null) {
                        throw new IllegalStateException("bundled dictionary missing: " + path);
                    }
                    b.parse(new InputStreamReader(in, StandardCharsets.UTF_8), file);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            return b.build();
        }
    }

    /** Parser state; single use, not shared. */
    private static final class Builder {
        private final Map<String, AttributeDefinition> byName;
        private final Map<Long, AttributeDefinition> byCode;
        private final Map<String, VendorDefinition> vendorsByName;
        private final Map<Integer, VendorDefinition> vendorsById;
        private final List<PendingValue> pending = new ArrayList<>();

        private String source;
        private int line;

        private record PendingValue(String source, int line, String attribute, String name, String number) {
        }

        Builder(RadiusDictionary base) {
            byName = new HashMap<>(base.byName);
            byCode = new LinkedHashMap<>(base.byCode);
            vendorsByName = new HashMap<>(base.vendorsByName);
            vendorsById = new LinkedHashMap<>(base.vendorsById);
        }

        RadiusDictionary build() {
            return new RadiusDictionary(byName, byCode, vendorsByName, vendorsById);
        }

        void parse(Reader reader, String sourceName) {
            this.source = sourceName;
            this.line = 0;
            VendorDefinition block = null;
            BufferedReader br = reader instanceof BufferedReader b ? b : new BufferedReader(reader);
            try {
                String text;
                while ((text = br.readLine()) != null) {
                    line++;
                    int hash = text.indexOf('#');
                    String[] t = tokens(hash >= 0 ? text.substring(0, hash) : text);
                    if (t.length == 0) {
                        continue;
                    }
                    String kw = t[0].toUpperCase(Locale.ROOT);
                    switch (kw) {
                        case "ATTRIBUTE" -> attribute(t, block);
                        case "VALUE" -> {
                            expect(t, 4, 4, "VALUE Attribute-Name Value-Name number");
                            checkName(t[2], "VALUE name");
                            pending.add(new PendingValue(source, line, t[1], t[2], t[3]));
                        }
                        case "VENDOR" -> vendor(t);
                        case "BEGIN-VENDOR" -> {
                            expect(t, 2, 3, "BEGIN-VENDOR Name");
                            if (block != null) {
                                throw error("BEGIN-VENDOR " + t[1] + " inside BEGIN-VENDOR " + block.name());
                            }
                            if (t.length == 3) {
                                throw error("BEGIN-VENDOR " + t[2] + " is not supported (RFC 6929 extended VSAs)");
                            }
                            block = vendorsByName.get(t[1].toLowerCase(Locale.ROOT));
                            if (block == null) {
                                throw error("BEGIN-VENDOR of unknown vendor '" + t[1] + "' (define it with VENDOR first)");
                            }
                        }
                        case "END-VENDOR" -> {
                            expect(t, 2, 2, "END-VENDOR Name");
                            if (block == null || !block.name().equalsIgnoreCase(t[1])) {
                                throw error("END-VENDOR " + t[1] + " without matching BEGIN-VENDOR");
                            }
                            block = null;
                        }
                        case "$INCLUDE", "$INCLUDE-" ->
                                throw error("$INCLUDE is not supported; load each file with RadiusDictionary.load");
                        default -> throw error("unsupported keyword '" + abbreviate(t[0]) + "'");
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            if (block != null) {
                throw error("BEGIN-VENDOR " + block.name() + " without END-VENDOR");
            }
            resolveValues();
        }

        private void attribute(String[] t, VendorDefinition block) {
            expect(t, 4, 5, "ATTRIBUTE Name number type [flags]");
            String name = t[1];
            checkName(name, "attribute name");
            VendorDefinition vendor = block;
            boolean hasTag = false;
            int encrypt = 0;
            if (t.length == 5) {
                VendorDefinition named = t[4].indexOf('=') < 0 ? vendorsByName.get(t[4].toLowerCase(Locale.ROOT)) : null;
                if (named != null && block == null) {
                    vendor = named;                               // old syntax: vendor name as 4th field
                } else {
                    for (String flag : t[4].split(",", -1)) {
                        switch (flag) {
                            case "has_tag" -> hasTag = true;
                            case "encrypt=0" -> encrypt = 0;
                            case "encrypt=1" -> encrypt = 1;
                            case "encrypt=2" -> encrypt = 2;
                            case "encrypt=3" -> encrypt = 3;
                            case "array", "concat", "virtual", "internal" -> { }
                            default -> throw error("attribute " + name + ": unknown flag '" + abbreviate(flag) + "'");
                        }
                    }
                }
            }
            if (t[2].indexOf('.') >= 0) {
                throw error("attribute " + name + ": number " + abbreviate(t[2])
                        + " (TLV/extended attributes, RFC 6929) is not supported");
            }
            long max = vendor == null ? 255 : vendor.format().maxType();
            long number = ValueCodec.parseUnsigned(t[2], max);
            if (number < 1) {
                throw error("attribute " + name + ": number '" + abbreviate(t[2]) + "' is not in 1.." + max);
            }
            String typeName = t[3];
            int bracket = typeName.indexOf('[');
            if (bracket > 0 && typeName.endsWith("]")) {
                typeName = typeName.substring(0, bracket);      // octets[16]: fixed size, not enforced
            }
            DataType type = DataType.fromDictionaryName(typeName)
                    .orElseThrow(() -> error("attribute " + name + ": unknown data type '" + abbreviate(t[3]) + "'"));
            if (hasTag && type != DataType.INTEGER && type != DataType.STRING && type != DataType.OCTETS
                    && type != DataType.TEXT) {
                throw error("attribute " + name + ": has_tag is only allowed on integer and string types");
            }
            if (encrypt != 0 && type != DataType.STRING && type != DataType.OCTETS && type != DataType.TEXT) {
                throw error("attribute " + name + ": encrypt is only allowed on string and octets types");
            }
            int vendorId = vendor == null ? 0 : vendor.id();
            String lower = name.toLowerCase(Locale.ROOT);
            AttributeDefinition existing = byName.get(lower);
            Map<String, Long> values = Map.of();
            if (existing != null) {
                if (existing.vendorId() != vendorId || existing.type() != number) {
                    throw error("attribute " + name + " is already defined with number " + existing.type()
                            + (existing.vendorId() == 0 ? "" : " of vendor " + existing.vendorId()));
                }
                values = existing.values();
            }
            AttributeDefinition def = new AttributeDefinition(name, vendorId, (int) number, type, hasTag, encrypt, values);
            byName.put(lower, def);
            byCode.put(key(vendorId, (int) number), def);
        }

        private void vendor(String[] t) {
            expect(t, 3, 4, "VENDOR Name number [format=t,l]");
            String name = t[1];
            checkName(name, "vendor name");
            long id = ValueCodec.parseUnsigned(t[2], 0xFFFFFF);
            if (id < 1) {
                throw error("vendor " + name + ": number '" + abbreviate(t[2]) + "' is not in 1..16777215");
            }
            int typeOctets = 1;
            int lengthOctets = 1;
            if (t.length == 4) {
                String f = t[3];
                if (!f.startsWith("format=") || f.length() != "format=t,l".length() || f.charAt(8) != ',') {
                    throw error("vendor " + name + ": expected format=t,l, got '" + abbreviate(f) + "'");
                }
                typeOctets = f.charAt(7) - '0';
                lengthOctets = f.charAt(9) - '0';
                if (typeOctets != 1 && typeOctets != 2 && typeOctets != 4 || lengthOctets < 0 || lengthOctets > 2) {
                    throw error("vendor " + name + ": format " + f.substring(7) + " is not supported "
                            + "(type 1, 2 or 4 octets; length 0, 1 or 2)");
                }
            }
            VendorDefinition existing = vendorsByName.get(name.toLowerCase(Locale.ROOT));
            if (existing != null && existing.id() != id) {
                throw error("vendor " + name + " is already defined with number " + existing.id());
            }
            VendorDefinition v = new VendorDefinition(name, (int) id, typeOctets, lengthOctets);
            VendorDefinition sameId = vendorsById.get((int) id);
            if (sameId != null && (sameId.typeOctets() != typeOctets || sameId.lengthOctets() != lengthOctets)) {
                throw error("vendor " + name + ": number " + id + " is already defined with another format");
            }
            vendorsByName.put(name.toLowerCase(Locale.ROOT), v);
            vendorsById.putIfAbsent((int) id, v);
        }

        private void resolveValues() {
            for (PendingValue p : pending) {
                source = p.source();
                line = p.line();
                String lower = p.attribute().toLowerCase(Locale.ROOT);
                AttributeDefinition def = byName.get(lower);
                if (def == null) {
                    throw error("VALUE for unknown attribute '" + abbreviate(p.attribute()) + "'");
                }
                DataType type = def.dataType();
                if (!type.isNumeric()) {
                    throw error("VALUE for " + def.name() + ", which is " + type.dictionaryName() + ", not a number type");
                }
                long max = switch (type) {
                    case BYTE -> 0xFF;
                    case SHORT -> 0xFFFF;
                    case INTEGER64 -> Long.MAX_VALUE;
                    case SIGNED -> Integer.MAX_VALUE;
                    default -> def.hasTag() ? 0xFFFFFF : 0xFFFFFFFFL;
                };
                long n = type == DataType.SIGNED ? ValueCodec.parseSigned(p.number()) : ValueCodec.parseUnsigned(p.number(), max);
                if (type == DataType.SIGNED ? n < Integer.MIN_VALUE || n > max : n < 0) {
                    throw error("VALUE " + def.name() + " " + p.name() + ": '" + abbreviate(p.number())
                            + "' is not a valid " + type.dictionaryName());
                }
                Optional<Long> old = def.valueOf(p.name());
                if (old.isPresent()) {
                    if (old.get() != n) {
                        throw error("VALUE " + def.name() + " " + p.name() + " is already defined as " + old.get());
                    }
                    continue;
                }
                AttributeDefinition updated = def.withValue(p.name(), n);
                byName.put(def.name().toLowerCase(Locale.ROOT), updated);
                long k = key(def.vendorId(), def.type());
                AttributeDefinition current = byCode.get(k);
                if (current != null && current.name().equals(def.name())) {
                    byCode.put(k, updated);
                }
            }
            pending.clear();
        }

        private void expect(String[] t, int min, int max, String usage) {
            if (t.length < min || t.length > max) {
                throw error("expected '" + usage + "'");
            }
        }

        private void checkName(String name, String what) {
            if (name.length() > MAX_NAME_LENGTH) {
                throw error(what + " longer than " + MAX_NAME_LENGTH + " characters");
            }
            for (int i = 0; i < name.length(); i++) {
                char c = name.charAt(i);
                if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                        || c == '-' || c == '_' || c == '.' || c == '/' || c == '+')) {
                    throw error(what + " '" + abbreviate(name) + "' contains '" + c + "' (allowed: letters, digits, -_./+)");
                }
            }
        }

        private IllegalArgumentException error(String message) {
            return new IllegalArgumentException(source + " line " + line + ": " + message);
        }

        private static String[] tokens(String s) {
            List<String> out = new ArrayList<>(5);
            int i = 0;
            int n = s.length();
            while (i < n) {
                while (i < n && Character.isWhitespace(s.charAt(i))) {
                    i++;
                }
                int start = i;
                while (i < n && !Character.isWhitespace(s.charAt(i))) {
                    i++;
                }
                if (i > start) {
                    out.add(s.substring(start, i));
                }
            }
            return out.toArray(new String[0]);
        }
    }
}
