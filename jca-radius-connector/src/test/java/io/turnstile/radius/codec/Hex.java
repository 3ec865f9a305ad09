package io.turnstile.radius.codec;

import java.util.HexFormat;

/** Test helper: hex with any whitespace. */
final class Hex {

    private Hex() {
    }

    static byte[] bytes(String hex) {
        StringBuilder sb = new StringBuilder(hex.length());
        for (int i = 0; i < hex.length(); i++) {
            if (!Character.isWhitespace(hex.charAt(i))) {
                sb.append(hex.charAt(i));
            }
        }
        return HexFormat.of().parseHex(sb);
    }

    static String of(byte[] b) {
        return HexFormat.of().formatHex(b);
    }
}
