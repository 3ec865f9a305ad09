package io.turnstile.nas;

import java.util.Arrays;

/**
 * An IPv4 or IPv6 address or CIDR prefix (RFC 4632, RFC 4291 §2.3) parsed from literal text only (never a DNS
 * lookup), in normalized form:
 * <ul>
 *   <li>a host is written without prefix length ({@code 10.0.0.1/32} becomes {@code 10.0.0.1});</li>
 *   <li>IPv6 is written as RFC 5952 says (lower case, no leading zeros, the longest run of zero groups as {@code ::});</li>
 *   <li>an IPv4-mapped IPv6 address or prefix ({@code ::ffff:10.0.0.0/104}) becomes its IPv4 form, since Java reports
 *       packets from such sources with an IPv4 address.</li>
 * </ul>
 * Rejected: host bits set in a prefix ({@code 10.0.0.1/8}), IPv4 parts with leading zeros (ambiguous: octal in some
 * tools), fewer than four IPv4 parts, zone ids, prefix lengths out of range or with leading zeros.
 */
public final class IpPrefix {

    private final byte[] address;
    private final int length;

    private IpPrefix(byte[] address, int length) {
        this.address = address;
        this.length = length;
    }

    /** @throws IllegalArgumentException with a message fit for an API error */
    public static IpPrefix parse(String text) {
        if (text == null || text.isEmpty()) {
            throw new IllegalArgumentException("empty address");
        }
        byte[] host = plainV4(text);
        if (host != null) {
            return new IpPrefix(host, 32);
        }
        String t = text.trim();
        int slash = t.indexOf('/');
        String addr = slash < 0 ? t : t.substring(0, slash);
        byte[] bytes = addr.indexOf(':') >= 0 ? parseV6(addr, text) : parseV4(addr, text);
        int bits = bytes.length * 8;
        int len = bits;
        if (slash >= 0) {
            String l = t.substring(slash + 1);
            if (l.isEmpty() || l.length() > 3 || !l.chars().allMatch(c -> c >= '0' && c <= '9')
                    || (l.length() > 1 && l.charAt(0) == '0')) {
                throw new IllegalArgumentException("'" + text + "': invalid prefix length");
            }
            len = Integer.parseInt(l);
            if (len > bits) {
                throw new IllegalArgumentException("'" + text + "': prefix length above " + bits);
            }
        }
        byte[] network = mask(bytes, len);
        if (!Arrays.equals(network, bytes)) {
            throw new IllegalArgumentException("'" + text + "': host bits are set (the network is "
                    + new IpPrefix(network, len) + ")");
        }
        if (bytes.length == 16 && len >= 96 && isV4Mapped(bytes)) {
            return new IpPrefix(Arrays.copyOfRange(bytes, 12, 16), len - 96);
        }
        return new IpPrefix(bytes, len);
    }

    /** Whether {@code other} (an address or a narrower prefix of the same family) lies inside this prefix. */
    public boolean contains(IpPrefix other) {
        if (other.address.length != address.length || other.length < length) {
            return false;
        }
        // compare the first `length` bits without building a masked copy (called per rule on the RADIUS path)
        int full = length >>> 3;
        for (int i = 0; i < full; i++) {
            if (other.address[i] != address[i]) {
                return false;
            }
        }
        int rest = length & 7;
        if (rest == 0) {
            return true;
        }
        int m = 0xff << (8 - rest) & 0xff;
        return (other.address[full] & m) == (address[full] & 0xff);
    }

    public boolean isIpv4() {
        return address.length == 4;
    }

    /** Whether this is a single address (full-length prefix). */
    public boolean isHost() {
        return length == address.length * 8;
    }

    public int prefixLength() {
        return length;
    }

    /** The (network) address bytes, 4 or 16. */
    public byte[] address() {
        return address.clone();
    }

    /**
     * Whether the address (4 or 16 bytes, e.g. {@link java.net.InetAddress#getAddress()}) is in this prefix. An
     * IPv4-mapped IPv6 address (RFC 4291 §2.5.5.2) is compared as its IPv4 form.
     */
    public boolean contains(byte[] candidate) {
        byte[] a = candidate;
        if (a.length == 16 && isV4Mapped(a)) {
            a = Arrays.copyOfRange(a, 12, 16);
        }
        if (a.length != address.length) {
            return false;
        }
        return Arrays.equals(mask(a, length), address);
    }

    /** IPv4 network address as an int (big-endian); only for IPv4. */
    int v4() {
        return ((address[0] & 0xff) << 24) | ((address[1] & 0xff) << 16) | ((address[2] & 0xff) << 8) | (address[3] & 0xff);
    }

    static int v4Mask(int length) {
        return length == 0 ? 0 : -1 << (32 - length);
    }

    /** High 64 bits of an IPv6 address. */
    long hi() {
        return toLong(address, 0);
    }

    /** Low 64 bits of an IPv6 address. */
    long lo() {
        return toLong(address, 8);
    }

    static long v6MaskHi(int length) {
        return length == 0 ? 0 : length >= 64 ? -1L : -1L << (64 - length);
    }

    static long v6MaskLo(int length) {
        return length <= 64 ? 0 : -1L << (128 - length);
    }

    static long toLong(byte[] b, int from) {
        long v = 0;
        for (int i = from; i < from + 8; i++) {
            v = (v << 8) | (b[i] & 0xff);
        }
        return v;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof IpPrefix p && p.length == length && Arrays.equals(p.address, address);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(address) * 31 + length;
    }

    /** The normalized text. */
    @Override
    public String toString() {
        String a = address.length == 4 ? formatV4(address) : formatV6(address);
        return isHost() ? a : a + "/" + length;
    }

    private static byte[] mask(byte[] bytes, int len) {
        byte[] out = bytes.clone();
        for (int i = 0; i < out.length; i++) {
            int keep = Math.max(0, Math.min(8, len - i * 8));
            out[i] = (byte) (out[i] & (0xff << (8 - keep)));
        }
        return out;
    }

    private static boolean isV4Mapped(byte[] b) {
        for (int i = 0; i < 10; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return b[10] == (byte) 0xff && b[11] == (byte) 0xff;
    }

    /**
     * A dotted-quad IPv4 host address without prefix, leading zeros or spaces, parsed without intermediate objects
     * (the policy parses the NAS address once per request); null for anything else, which {@link #parse} then handles.
     */
    private static byte[] plainV4(String t) {
        int n = t.length();
        if (n < 7 || n > 15) {
            return null;
        }
        byte[] out = new byte[4];
        int part = 0;
        int value = 0;
        int digits = 0;
        for (int i = 0; i <= n; i++) {
            char c = i == n ? '.' : t.charAt(i);
            if (c >= '0' && c <= '9') {
                if (digits == 1 && value == 0) {
                    return null; // leading zero: let parse() explain
                }
                value = value * 10 + (c - '0');
                if (++digits > 3 || value > 255) {
                    return null;
                }
            } else if (c == '.' && digits > 0 && part < 4) {
                out[part++] = (byte) value;
                value = 0;
                digits = 0;
            } else {
                return null;
            }
        }
        return part == 4 ? out : null;
    }

    private static byte[] parseV4(String s, String original) {
        String[] parts = s.split("\\.", -1);
        if (parts.length != 4) {
            throw new IllegalArgumentException("'" + original + "' is not an IPv4 or IPv6 address");
        }
        byte[] out = new byte[4];
        for (int i = 0; i < 4; i++) {
            String p = parts[i];
            if (p.isEmpty() || p.length() > 3 || !p.chars().allMatch(c -> c >= '0' && c <= '9')) {
                throw new IllegalArgumentException("'" + original + "' is not an IPv4 or IPv6 address");
            }
            if (p.length() > 1 && p.charAt(0) == '0') {
                throw new IllegalArgumentException("'" + original + "': IPv4 parts must not have leading zeros");
            }
            int v = Integer.parseInt(p);
            if (v > 255) {
                throw new IllegalArgumentException("'" + original + "': IPv4 part above 255");
            }
            out[i] = (byte) v;
        }
        return out;
    }

    private static byte[] parseV6(String s, String original) {
        IllegalArgumentException bad = new IllegalArgumentException("'" + original + "' is not a valid IPv6 address");
        if (s.indexOf('%') >= 0) {
            throw new IllegalArgumentException("'" + original + "': zone ids are not allowed");
        }
        int dc = s.indexOf("::");
        if (dc >= 0 && s.indexOf("::", dc + 1) >= 0) {
            throw bad;
        }
        String head = dc >= 0 ? s.substring(0, dc) : s;
        String tail = dc >= 0 ? s.substring(dc + 2) : "";
        int[] headGroups = groups(head, original, dc < 0, bad);
        int[] tailGroups = dc >= 0 ? groups(tail, original, true, bad) : new int[0];
        int total = headGroups.length + tailGroups.length;
        if ((dc < 0 && total != 8) || (dc >= 0 && total > 7)) {
            throw bad;
        }
        int[] all = new int[8];
        System.arraycopy(headGroups, 0, all, 0, headGroups.length);
        System.arraycopy(tailGroups, 0, all, 8 - tailGroups.length, tailGroups.length);
        byte[] out = new byte[16];
        for (int i = 0; i < 8; i++) {
            out[2 * i] = (byte) (all[i] >> 8);
            out[2 * i + 1] = (byte) all[i];
        }
        return out;
    }

    /** 16-bit groups of one side of "::"; the last group may be a dotted IPv4 address (two groups) if allowed. */
    private static int[] groups(String part, String original, boolean v4TailAllowed, IllegalArgumentException bad) {
        if (part.isEmpty()) {
            return new int[0];
        }
        String[] items = part.split(":", -1);
        int n = items.length;
        boolean v4Tail = items[n - 1].indexOf('.') >= 0;
        if (v4Tail && !v4TailAllowed) {
            throw bad;
        }
        int[] out = new int[v4Tail ? n + 1 : n];
        for (int i = 0; i < n; i++) {
            String g = items[i];
            if (i == n - 1 && v4Tail) {
                byte[] v4 = parseV4(g, original);
                out[i] = ((v4[0] & 0xff) << 8) | (v4[1] & 0xff);
                out[i + 1] = ((v4[2] & 0xff) << 8) | (v4[3] & 0xff);
                continue;
            }
            if (g.isEmpty() || g.length() > 4) {
                throw bad;
            }
            int v = 0;
            for (int k = 0; k < g.length(); k++) {
                int d = Character.digit(g.charAt(k), 16);
                if (d < 0) {
                    throw bad;
                }
                v = v * 16 + d;
            }
            out[i] = v;
        }
        return out;
    }

    static String formatV4(byte[] b) {
        return (b[0] & 0xff) + "." + (b[1] & 0xff) + "." + (b[2] & 0xff) + "." + (b[3] & 0xff);
    }

    /** RFC 5952 §4: lower case, no leading zeros, "::" for the first longest run of two or more zero groups. */
    static String formatV6(byte[] b) {
        int[] g = new int[8];
        for (int i = 0; i < 8; i++) {
            g[i] = ((b[2 * i] & 0xff) << 8) | (b[2 * i + 1] & 0xff);
        }
        int bestStart = -1;
        int bestLen = 0;
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
        if (bestLen < 2) {
            bestStart = -1;
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                out.append("::");
                i += bestLen - 1;
                continue;
            }
            if (out.length() > 0 && out.charAt(out.length() - 1) != ':') {
                out.append(':');
            }
            out.append(Integer.toHexString(g[i]));
        }
        return out.toString();
    }
}
