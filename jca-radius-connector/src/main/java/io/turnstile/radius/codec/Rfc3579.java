package io.turnstile.radius.codec;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** RFC 3579 (RADIUS Support for EAP): EAP-Message fragmentation (§3.1) and the Message-Authenticator (§3.2). */
public final class Rfc3579 {

    private Rfc3579() {
    }

    public static final int EAP_MESSAGE = Rfc2869.EAP_MESSAGE;
    public static final int MESSAGE_AUTHENTICATOR = Rfc2869.MESSAGE_AUTHENTICATOR;

    /** §3.1: an EAP packet longer than 253 octets is carried in several EAP-Message attributes of at most 253. */
    public static final int EAP_FRAGMENT_MAX = RadiusAttribute.MAX_VALUE_LENGTH;

    /**
     * Splits an EAP packet into consecutive EAP-Message attributes of at most 253 octets (§3.1). An empty input gives
     * one empty EAP-Message (§2.1: EAP-Start).
     */
    public static List<RadiusAttribute> splitEapMessage(byte[] eap) {
        int n = Math.max(1, (eap.length + EAP_FRAGMENT_MAX - 1) / EAP_FRAGMENT_MAX);
        List<RadiusAttribute> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            int from = i * EAP_FRAGMENT_MAX;
            int len = Math.min(EAP_FRAGMENT_MAX, eap.length - from);
            byte[] v = new byte[len];
            System.arraycopy(eap, from, v, 0, len);
            out.add(new RadiusAttribute(EAP_MESSAGE, v));
        }
        return List.copyOf(out);
    }

    /**
     * Concatenates the EAP-Message attributes of a packet in order (§3.1); empty if there are none.
     * Whether they are consecutive, as §3.1 requires, is checked by {@link #eapMessagesConsecutive}.
     */
    public static Optional<byte[]> joinEapMessage(RadiusPacket packet) {
        List<RadiusAttribute> attrs = packet.attributes();
        int total = 0;
        int count = 0;
        for (int i = 0, n = attrs.size(); i < n; i++) {
            RadiusAttribute a = attrs.get(i);
            if (a.type() == EAP_MESSAGE) {
                total += a.value().length;
                count++;
            }
        }
        if (count == 0) {
            return Optional.empty();
        }
        byte[] out = new byte[total];
        int p = 0;
        for (int i = 0, n = attrs.size(); i < n; i++) {
            RadiusAttribute a = attrs.get(i);
            if (a.type() == EAP_MESSAGE) {
                System.arraycopy(a.value(), 0, out, p, a.value().length);
                p += a.value().length;
            }
        }
        return Optional.of(out);
    }

    /** §3.1: "they MUST be in order and they MUST be consecutive attributes in the packet". True if none. */
    public static boolean eapMessagesConsecutive(RadiusPacket packet) {
        List<RadiusAttribute> attrs = packet.attributes();
        int first = -1;
        int last = -1;
        int count = 0;
        for (int i = 0, n = attrs.size(); i < n; i++) {
            if (attrs.get(i).type() == EAP_MESSAGE) {
                if (first < 0) {
                    first = i;
                }
                last = i;
                count++;
            }
        }
        return count == 0 || last - first + 1 == count;
    }
}
