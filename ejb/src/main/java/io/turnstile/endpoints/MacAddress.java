package io.turnstile.endpoints;

import java.util.Optional;

/**
 * An IEEE 802 48-bit MAC address (IEEE Std 802-2014 §8), held in the contract's storage form: 12 lower-case hex digits.
 * <p>
 * {@link #parse} runs on every MAB request (the address arrives in Calling-Station-Id, RFC 3580 §3.21, and often also
 * as User-Name), so it is a hand-written scan without regular expressions or intermediate strings. It accepts the
 * notations NAS vendors and spreadsheets use, in any letter case and with surrounding whitespace:
 * <ul>
 *   <li>{@code aabbccddeeff} (bare)</li>
 *   <li>{@code AA:BB:CC:DD:EE:FF} and {@code aa-bb-cc-dd-ee-ff} (IEEE 802 / RFC 3580 §3.21 form)</li>
 *   <li>{@code aabb.ccdd.eeff} (Cisco) and {@code AABB-CCDD-EEFF} (HPE Comware)</li>
 *   <li>{@code aabbcc-ddeeff} (HPE ProCurve)</li>
 * </ul>
 * One separator per address (mixing {@code :} and {@code -} is rejected), and nothing else.
 *
 * @param compact 12 lower-case hex digits
 */
public record MacAddress(String compact) {

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    public MacAddress {
        if (compact == null || compact.length() != 12) {
            throw new IllegalArgumentException("a MAC address is 12 lower-case hex digits");
        }
        for (int i = 0; i < 12; i++) {
            char c = compact.charAt(i);
            if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f')) {
                throw new IllegalArgumentException("a MAC address is 12 lower-case hex digits");
            }
        }
    }

    /** The address in {@code text}, or empty if {@code text} is not a MAC address in one of the accepted notations. */
    public static Optional<MacAddress> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        int start = 0;
        int end = text.length();
        while (start < end && Character.isWhitespace(text.charAt(start))) {
            start++;
        }
        while (end > start && Character.isWhitespace(text.charAt(end - 1))) {
            end--;
        }
        // Hex digits per group: the length decides the notation (12 hex digits plus one separator between groups).
        int group;
        switch (end - start) {
            case 12 -> group = 12; // aabbccddeeff
            case 17 -> group = 2;  // aa:bb:cc:dd:ee:ff, aa-bb-cc-dd-ee-ff
            case 14 -> group = 4;  // aabb.ccdd.eeff, aabb-ccdd-eeff
            case 13 -> group = 6;  // aabbcc-ddeeff
            default -> {
                return Optional.empty();
            }
        }
        char[] digits = new char[12];
        int n = 0;
        char separator = 0;
        for (int i = start, pos = 0; i < end; i++, pos++) {
            char c = text.charAt(i);
            if (group != 12 && pos % (group + 1) == group) {
                if (separator == 0) {
                    if (!separatorAllowed(group, c)) {
                        return Optional.empty();
                    }
                    separator = c;
                } else if (c != separator) {
                    return Optional.empty();
                }
                continue;
            }
            int v = hexValue(c);
            if (v < 0) {
                return Optional.empty();
            }
            digits[n++] = HEX[v];
        }
        return Optional.of(new MacAddress(new String(digits)));
    }

    private static boolean separatorAllowed(int group, char c) {
        return switch (group) {
            case 2 -> c == ':' || c == '-';
            case 4 -> c == '.' || c == '-';
            default -> c == '-';
        };
    }

    private static int hexValue(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        return -1;
    }

    /** {@code aa:bb:cc:dd:ee:ff}. */
    public String colonSeparated() {
        char[] out = new char[17];
        for (int i = 0, o = 0; i < 12; i += 2) {
            if (i > 0) {
                out[o++] = ':';
            }
            out[o++] = compact.charAt(i);
            out[o++] = compact.charAt(i + 1);
        }
        return new String(out);
    }

    /** The Organizationally Unique Identifier: the first three octets, as 6 lower-case hex digits. */
    public String oui() {
        return compact.substring(0, 6);
    }

    /** The U/L bit (0x02 of the first octet) is set: a locally administered address (IEEE Std 802-2014 §8.2.2). */
    public boolean locallyAdministered() {
        return (firstOctet() & 0x02) != 0;
    }

    /** The I/G bit (0x01 of the first octet) is set: a group (multicast) address (IEEE Std 802-2014 §8.2.1). */
    public boolean multicast() {
        return (firstOctet() & 0x01) != 0;
    }

    private int firstOctet() {
        return hexValue(compact.charAt(0)) << 4 | hexValue(compact.charAt(1));
    }
}
