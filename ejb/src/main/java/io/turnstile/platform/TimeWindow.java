package io.turnstile.platform;

import java.math.BigDecimal;
import java.time.Clock;

/**
 * The time window of a search, from the contract's {@code start}, {@code end} and {@code duration} query parameters.
 * {@code start}/{@code end}: epoch seconds (fractions allowed), {@code now}, or relative to now such as {@code -1d},
 * {@code -2h}. {@code duration}: a number and a unit, {@code s}, {@code m}, {@code h}, {@code d} or {@code w}
 * (e.g. {@code 10m}, {@code 7d}), default {@value #DEFAULT_DURATION}.
 * <ul>
 *   <li>start and end: as given (duration is ignored);</li>
 *   <li>end only: start = end - duration;</li>
 *   <li>start only: end = start + duration;</li>
 *   <li>neither: end = now, start = now - duration.</li>
 * </ul>
 * Both ends are included. Internally epoch milliseconds.
 */
public record TimeWindow(long fromMillis, long toMillis) {

    public static final String DEFAULT_DURATION = "1d";

    /** Longest duration accepted (about ten years), so that arithmetic on epoch milliseconds cannot overflow. */
    static final long MAX_DURATION_MILLIS = 3650L * 86_400_000L;

    public TimeWindow {
        if (toMillis < fromMillis) {
            throw new InvalidRequestException("end is before start");
        }
    }

    public static TimeWindow parse(String start, String end, String duration, Clock clock) {
        long now = clock.millis();
        boolean hasStart = start != null && !start.isBlank();
        boolean hasEnd = end != null && !end.isBlank();
        long span = parseDuration(duration == null || duration.isBlank() ? DEFAULT_DURATION : duration);
        if (hasStart && hasEnd) {
            return new TimeWindow(parseTime(start, "start", now), parseTime(end, "end", now));
        }
        if (hasEnd) {
            long to = parseTime(end, "end", now);
            return new TimeWindow(to - span, to);
        }
        if (hasStart) {
            long from = parseTime(start, "start", now);
            return new TimeWindow(from, from + span);
        }
        return new TimeWindow(now - span, now);
    }

    /** Start in whole epoch seconds (rounded down), as the contract's search responses give it. */
    public long startSeconds() {
        return Math.floorDiv(fromMillis, 1000);
    }

    /** End in whole epoch seconds (rounded down). */
    public long endSeconds() {
        return Math.floorDiv(toMillis, 1000);
    }

    /** A duration such as {@code 10m}, {@code 1h}, {@code 7d}, {@code 2w} in milliseconds. */
    public static long parseDuration(String text) {
        String t = text.trim();
        if (t.length() < 2) {
            throw new InvalidRequestException("invalid duration '" + text + "' (expected e.g. 10m, 1h, 1d, 2w)");
        }
        long unit = switch (t.charAt(t.length() - 1)) {
            case 's' -> 1_000L;
            case 'm' -> 60_000L;
            case 'h' -> 3_600_000L;
            case 'd' -> 86_400_000L;
            case 'w' -> 7 * 86_400_000L;
            default -> -1;
        };
        String digits = t.substring(0, t.length() - 1);
        if (unit < 0 || digits.isEmpty() || digits.length() > 9 || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new InvalidRequestException("invalid duration '" + text + "' (expected e.g. 10m, 1h, 1d, 2w)");
        }
        long millis = Long.parseLong(digits) * unit;
        if (millis <= 0 || millis > MAX_DURATION_MILLIS) {
            throw new InvalidRequestException("duration '" + text + "' is out of range");
        }
        return millis;
    }

    /** Epoch seconds (fractions allowed), {@code now}, or {@code -<duration>} / {@code +<duration>} from now. */
    static long parseTime(String text, String name, long nowMillis) {
        String t = text.trim();
        if (t.equalsIgnoreCase("now")) {
            return nowMillis;
        }
        if ((t.startsWith("-") || t.startsWith("+")) && t.length() > 1 && Character.isLetter(t.charAt(t.length() - 1))) {
            long d = parseDuration(t.substring(1));
            return t.charAt(0) == '-' ? nowMillis - d : nowMillis + d;
        }
        try {
            BigDecimal seconds = new BigDecimal(t);
            if (seconds.signum() < 0 || seconds.compareTo(BigDecimal.valueOf(Long.MAX_VALUE / 1000 / 2)) > 0) {
                throw new InvalidRequestException(name + " is out of range");
            }
            return seconds.movePointRight(3).setScale(0, java.math.RoundingMode.FLOOR).longValueExact();
        } catch (NumberFormatException | ArithmeticException e) {
            throw new InvalidRequestException("invalid " + name + " '" + text
                    + "' (expected epoch seconds, 'now' or e.g. -1d)");
        }
    }
}
