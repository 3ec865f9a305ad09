package io.turnstile.radius.codec;

import java.io.ByteArrayOutputStream;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.DateTimeException;
import java.util.HexFormat;

/**
 * Text forms of attribute values by {@link DataType}, for {@link RadiusDictionary#parseAssignment} and
 * {@link RadiusDictionary#format}. Parsing never resolves host names.
 */
final class ValueCodec {

    private ValueCodec() {
    }

    // ---------------------------------------------------------------- parsing

    /** The value octets for {@code text} (tag excluded); {@code def} names the attribute in error messages. */
    static byte[] parse(AttributeDefinition def, String text) {
        DataType t = def.dataType();
        switch (t) {
            case STRING, TEXT:
                return textBytes(def, text);
            case OCTETS:
                return isHex(text) ? hex(def, text) : textBytes(def, text);
            case ABINARY, TLV, VSA:
                if (!isHex(text)) {
                    throw bad(def, text, "0x-prefixed hex octets");
                }
                return hex(def, text);
            default:
                break;
        }
        String s = unquote(text);
        switch (t) {
            case INTEGER: {
                long v = numberOrValueName(def, s, def.hasTag() ? 0xFFFFFFL : 0xFFFFFFFFL);
                return def.hasTag() ? new byte[] {0, (byte) (v >>> 16), (byte) (v >>> 8), (byte) v} : int32((int) v);
            }
            case BYTE:
                return new byte[] {(byte) numberOrValueName(def, s, 0xFF)};
            case SHORT: {
                long v = numberOrValueName(def, s, 0xFFFF);
                return new byte[] {(byte) (v >>> 8), (byte) v};
            }
            case SIGNED: {
                var named = def.valueOf(s);
                long v = named.isPresent() ? named.get() : parseSigned(s);
                if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
                    throw bad(def, text, "a signed 32-bit integer or a VALUE name");
                }
                return int32((int) v);
            }
            case INTEGER64: {
                var named = def.valueOf(s);
                long v;
                if (named.isPresent()) {
                    v = named.get();
                } else {
                    try {
                        v = s.startsWith("0x") || s.startsWith("0X")
                                ? Long.parseUnsignedLong(s.substring(2), 16) : Long.parseUnsignedLong(s);
                    } catch (NumberFormatException e) {
                        throw bad(def, text, "an unsigned 64-bit integer or a VALUE name");
                    }
                }
                byte[] b = new byte[8];
                Bytes.putInt32(b, 0, (int) (v >>> 32));
                Bytes.putInt32(b, 4, (int) v);
                return b;
            }
            case DATE: {
                long v = parseUnsigned(s, 0xFFFFFFFFL);
                if (v < 0) {
                    var named = def.valueOf(s);
                    if (named.isPresent()) {
                        v = named.get();
                    } else {
                        try {
                            v = Instant.parse(s).getEpochSecond();
                        } catch (DateTimeException e) {
                            throw bad(def, text, "seconds since 1970 or an ISO-8601 instant");
                        }
                        if (v < 0 || v > 0xFFFFFFFFL) {
                            throw bad(def, text, "a date between 1970 and 2106");
                        }
                    }
                }
                return int32((int) v);
            }
            case IPADDR: {
                byte[] a = parseIpv4(s);
                if (a == null) {
                    throw bad(def, text, "a dotted-quad IPv4 address");
                }
                return a;
            }
            case IPV6ADDR: {
                byte[] a = parseIpv6(s);
                if (a == null) {
                    throw bad(def, text, "an IPv6 address");
                }
                return a;
            }
            case IPV6PREFIX: {
                int slash = s.indexOf('/');
                byte[] a = slash < 0 ? null : parseIpv6(s.substring(0, slash));
                long len = slash < 0 ? -1 : parseUnsigned(s.substring(slash + 1), 128);
                if (a == null || len < 0) {
                    throw bad(def, text, "an IPv6 prefix like 2001:db8::/32");
                }
                // RFC 3162 §2.3: Reserved, Prefix-Length, then the prefix octets; bits past the length are zero.
                int n = (int) (len + 7) / 8;
                byte[] v = new byte[2 + n];
                v[1] = (byte) len;
                System.arraycopy(a, 0, v, 2, n);
                if (len % 8 != 0) {
                    v[1 + n] &= (byte) (0xFF << (8 - len % 8));
                }
                return v;
            }
            case IFID: {
                byte[] v = parseGroups(s, ':', 4, 2, 8);
                if (v == null) {
                    throw bad(def, text, "an interface id like 0011:22ff:fe33:4455");
                }
                return v;
            }
            case ETHER: {
                byte[] v = parseGroups(s, s.indexOf('-') >= 0 ? '-' : ':', 6, 1, 6);
                if (v == null) {
                    throw bad(def, text, "a MAC address like 00:11:22:33:44:55");
                }
                return v;
            }
            default:
                throw new IllegalStateException(t.toString());
        }
    }

    private static long numberOrValueName(AttributeDefinition def, String s, long max) {
        var named = def.valueOf(s);
        long v = named.isPresent() ? named.get() : parseUnsigned(s, max);
        if (v < 0 || v > max) {
            throw bad(def, s, def.values().isEmpty() ? "an integer 0.." + max
                    : "an integer 0.." + max + " or a VALUE name of " + def.name());
        }
        return v;
    }

    private static IllegalArgumentException bad(AttributeDefinition def, String text, String expected) {
        String shown = text.length() > 64 ? text.substring(0, 64) + "..." : text;
        return new IllegalArgumentException(def.name() + " (" + def.dataType().dictionaryName() + "): '" + shown
                + "' is not " + expected);
    }

    private static byte[] int32(int v) {
        byte[] b = new byte[4];
        Bytes.putInt32(b, 0, v);
        return b;
    }

    static boolean isHex(String s) {
        if (s.length() < 2 || s.charAt(0) != '0' || (s.charAt(1) != 'x' && s.charAt(1) != 'X') || (s.length() & 1) != 0) {
            return false;
        }
        for (int i = 2; i < s.length(); i++) {
            if (Character.digit(s.charAt(i), 16) < 0) {
                return false;
            }
        }
        return true;
    }

    private static byte[] hex(AttributeDefinition def, String s) {
        return HexFormat.of().parseHex(s, 2, s.length());
    }

    /** Unsigned decimal or 0x-hex, at most {@code max}; -1 if not a number or out of range. */
    static long parseUnsigned(String s, long max) {
        int radix = 10;
        int from = 0;
        if (s.length() > 2 && s.charAt(0) == '0' && (s.charAt(1) == 'x' || s.charAt(1) == 'X')) {
            radix = 16;
            from = 2;
        }
        if (s.length() == from) {
            return -1;
        }
        long v = 0;
        for (int i = from; i < s.length(); i++) {
            int d = Character.digit(s.charAt(i), radix);
            if (d < 0 || s.charAt(i) > 'f') {      // Character.digit accepts non-ASCII digits; we do not
                return -1;
            }
            v = v * radix + d;
            if (v > max) {
                return -1;
            }
        }
        return v;
    }

    /** Signed decimal within long range (bounded digits), else Long.MIN_VALUE. */
    static long parseSigned(String s) {
        boolean neg = s.startsWith("-");
        long v = parseUnsigned(neg ? s.substring(1) : s, 1L << 40);
        if (v < 0) {
            return Long.MIN_VALUE;
        }
        return neg ? -v : v;
    }

    static byte[] parseIpv4(String s) {
        byte[] out = new byte[4];
        int part = 0;
        int value = 0;
        int digits = 0;
        for (int i = 0; i <= s.length(); i++) {
            char c = i < s.length() ? s.charAt(i) : '.';
            if (c >= '0' && c <= '9') {
                value = value * 10 + (c - '0');
                if (++digits > 3 || value > 255) {
                    return null;
                }
            } else if (c == '.') {
                if (digits == 0 || part > 3) {
                    return null;
                }
                out[part++] = (byte) value;
                value = 0;
                digits = 0;
            } else {
                return null;
            }
        }
        return part == 4 ? out : null;
    }

    /** IPv6 literal; only hex digits, ':' and '.' are allowed, so InetAddress never does a name lookup. */
    static byte[] parseIpv6(String s) {
        if (s.indexOf(':') < 0 || s.length() > 45) {
            return null;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!(c == ':' || c == '.' || (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'))) {
                return null;
            }
        }
        try {
            InetAddress a = InetAddress.getByName(s);
            if (a instanceof Inet4Address) {           // IPv4-mapped form, which Java folds to IPv4
                byte[] v = new byte[16];
                v[10] = (byte) 0xFF;
                v[11] = (byte) 0xFF;
                System.arraycopy(a.getAddress(), 0, v, 12, 4);
                return v;
            }
            return a.getAddress();
        } catch (UnknownHostException e) {
            return null;
        }
    }

    /** {@code groups} groups of 1..2*{@code octetsPerGroup} hex digits separated by {@code sep}, or plain hex. */
    private static byte[] parseGroups(String s, char sep, int groups, int octetsPerGroup, int total) {
        if (s.length() == total * 2 && s.indexOf(sep) < 0) {
            return isHex("0x" + s) ? HexFormat.of().parseHex(s) : null;
        }
        byte[] out = new byte[total];
        int g = 0;
        int start = 0;
        for (int i = 0; i <= s.length(); i++) {
            if (i == s.length() || s.charAt(i) == sep) {
                if (g >= groups) {
                    return null;
                }
                long v = parseUnsigned("0x" + s.substring(start, i), (1L << (8 * octetsPerGroup)) - 1);
                if (i == start || i - start > 2 * octetsPerGroup || v < 0) {
                    return null;
                }
                for (int k = 0; k < octetsPerGroup; k++) {
                    out[g * octetsPerGroup + k] = (byte) (v >>> (8 * (octetsPerGroup - 1 - k)));
                }
                g++;
                start = i + 1;
            }
        }
        return g == groups ? out : null;
    }

    /** Strips matching double or single quotes (no escape processing). */
    static String unquote(String s) {
        if (s.length() >= 2 && (s.charAt(0) == '"' || s.charAt(0) == '\'') && s.charAt(s.length() - 1) == s.charAt(0)) {
            return s.substring(1, s.length() - 1);
        }
        return s;
    }

    /**
     * Octets of a string value: {@code "..."} with escapes \\ \" \n \r \t \xNN, {@code '...'} literally, or unquoted
     * text, each as UTF-8.
     */
    static byte[] textBytes(AttributeDefinition def, String s) {
        if (s.length() >= 2 && s.charAt(0) == '\'' && s.charAt(s.length() - 1) == '\'') {
            return s.substring(1, s.length() - 1).getBytes(StandardCharsets.UTF_8);
        }
        if (!(s.length() >= 2 && s.charAt(0) == '"' && s.charAt(s.length() - 1) == '"')) {
            return s.getBytes(StandardCharsets.UTF_8);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(s.length());
        int end = s.length() - 1;
        int run = 1;
        for (int i = 1; i < end; i++) {
            char c = s.charAt(i);
            if (c != '\\') {
                continue;
            }
            out.writeBytes(s.substring(run, i).getBytes(StandardCharsets.UTF_8));
            if (i + 1 >= end) {
                throw bad(def, s, "a string: dangling backslash");
            }
            char e = s.charAt(++i);
            switch (e) {
                case '\\', '"', '\'' -> out.write(e);
                case 'n' -> out.write('\n');
                case 'r' -> out.write('\r');
                case 't' -> out.write('\t');
                case 'x' -> {
                    long v = i + 2 < end ? parseUnsigned("0x" + s.substring(i + 1, i + 3), 0xFF) : -1;
                    if (v < 0) {
                        throw bad(def, s, "a string: \\x needs two hex digits");
                    }
                    out.write((int) v);
                    i += 2;
                }
                default -> throw bad(def, s, "a string: unknown escape \\" + e);
            }
            run = i + 1;
        }
        out.writeBytes(s.substring(run, end).getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    // ---------------------------------------------------------------- formatting

    /** Text form of {@code value[from..]} for {@code type}; 0x-hex when the octets do not fit the type. */
    static String format(AttributeDefinition def, DataType type, byte[] value, int from) {
        int n = value.length - from;
        switch (type) {
            case STRING, TEXT:
                return quote(value, from);
            case IPADDR:
                if (n == 4) {
                    return (value[from] & 0xFF) + "." + (value[from + 1] & 0xFF) + "." + (value[from + 2] & 0xFF) + "."
                            + (value[from + 3] & 0xFF);
                }
                break;
            case IPV6ADDR:
                if (n == 16) {
                    return ipv6(value, from);
                }
                break;
            case IPV6PREFIX:
                if (n >= 2 && n <= 18 && (value[from + 1] & 0xFF) <= 128 && (n - 2) * 8 >= (value[from + 1] & 0xFF)) {
                    byte[] a = new byte[16];
                    System.arraycopy(value, from + 2, a, 0, n - 2);
                    return ipv6(a, 0) + "/" + (value[from + 1] & 0xFF);
                }
                break;
            case IFID:
                if (n == 8) {
                    HexFormat h = HexFormat.of();
                    return h.formatHex(value, from, from + 2) + ":" + h.formatHex(value, from + 2, from + 4) + ":"
                            + h.formatHex(value, from + 4, from + 6) + ":" + h.formatHex(value, from + 6, from + 8);
                }
                break;
            case ETHER:
                if (n == 6) {
                    return HexFormat.ofDelimiter(":").formatHex(value, from, from + 6);
                }
                break;
            case INTEGER, DATE, SIGNED:
                if (n == 4) {
                    int v = Bytes.int32(value, from);
                    long num = type == DataType.SIGNED ? v : Integer.toUnsignedLong(v);
                    if (type == DataType.DATE && def.values().isEmpty()) {
                        return Instant.ofEpochSecond(num).toString();
                    }
                    return def.valueName(num).orElse(Long.toString(num));
                }
                break;
            case BYTE:
                if (n == 1) {
                    long v = value[from] & 0xFF;
                    return def.valueName(v).orElse(Long.toString(v));
                }
                break;
            case SHORT:
                if (n == 2) {
                    long v = Bytes.uint16(value, from);
                    return def.valueName(v).orElse(Long.toString(v));
                }
                break;
            case INTEGER64:
                if (n == 8) {
                    long v = (long) Bytes.int32(value, from) << 32 | Integer.toUnsignedLong(Bytes.int32(value, from + 4));
                    return def.valueName(v).orElse(Long.toUnsignedString(v));
                }
                break;
            default:
                break;
        }
        return "0x" + HexFormat.of().formatHex(value, from, value.length);
    }

    /** 3-octet value of a tagged integer (RFC 2868 §3.1), with VALUE names. */
    static String formatTaggedInt(AttributeDefinition def, byte[] value) {
        long v = ((value[1] & 0xFF) << 16) | ((value[2] & 0xFF) << 8) | (value[3] & 0xFF);
        return def.valueName(v).orElse(Long.toString(v));
    }

    /**
     * A double-quoted string: valid UTF-8 is kept with \\ \" and control characters escaped; any other octet is
     * written \xNN, so {@link #textBytes} restores the exact octets.
     */
    static String quote(byte[] value, int from) {
        StringBuilder sb = new StringBuilder(value.length - from + 2).append('"');
        String decoded = strictUtf8(value, from);
        if (decoded != null) {
            for (int i = 0; i < decoded.length(); i++) {
                char c = decoded.charAt(i);
                switch (c) {
                    case '"', '\\' -> sb.append('\\').append(c);
                    case '\n' -> sb.append("\\n");
                    case '\r' -> sb.append("\\r");
                    case '\t' -> sb.append("\\t");
                    default -> {
                        if (c < 0x20 || c == 0x7F) {
                            sb.append("\\x").append(HexFormat.of().toHexDigits((byte) c));
                        } else {
                            sb.append(c);
                        }
                    }
                }
            }
        } else {
            for (int i = from; i < value.length; i++) {
                int b = value[i] & 0xFF;
                if (b >= 0x20 && b < 0x7F && b != '"' && b != '\\') {
                    sb.append((char) b);
                } else {
                    sb.append("\\x").append(HexFormat.of().toHexDigits((byte) b));
                }
            }
        }
        return sb.append('"').toString();
    }

    private static String strictUtf8(byte[] value, int from) {
        try {
            CharBuffer cb = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(value, from, value.length - from));
            return cb.toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    /** RFC 5952 text form: lower-case, leading zeros dropped, the longest run (>= 2) of zero groups as "::". */
    static String ipv6(byte[] a, int from) {
        int[] g = new int[8];
        for (int i = 0; i < 8; i++) {
            g[i] = Bytes.uint16(a, from + 2 * i);
        }
        int bestStart = -1;
        int bestLen = 1;
        for (int i = 0; i < 8; ) {
            if (g[i] != 0) {
                i++;
                continue;
            }
            int j = i;
            while (j < 8 && g[j] == 0) {
                j++;
            }
            if (j - i > bestLen) {
                bestStart = i;
                bestLen = j - i;
            }
            i = j;
        }
        StringBuilder sb = new StringBuilder(39);
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                sb.append("::");
                i += bestLen - 1;
                continue;
            }
            if (sb.length() > 0 && sb.charAt(sb.length() - 1) != ':') {
                sb.append(':');
            }
            sb.append(Integer.toHexString(g[i]));
        }
        return sb.toString();
    }
}
