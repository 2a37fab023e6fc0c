package io.redispoolagent.sample.cli;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The sample app's one duration grammar, the agent's own ({@code ValueType.DURATION} in the agent), so that a
 * duration means the same on both sides of a demo command line: a whole number, optionally followed by {@code ms},
 * {@code s}, {@code m} or {@code h} in any case; a bare number is milliseconds. Only {@link #parseMicros} (the
 * simulated Redis round trip, which is sub-millisecond in a cloud region) also takes {@code us}. Ranges are the
 * caller's to check.
 */
public final class Durations {
    private static final Pattern DURATION = Pattern.compile("(\\d+)\\s*(us|ms|s|m|h)?");
    private static final String EXPECTED_MILLIS = "expected a duration like 500ms, 10s, 2m or 1h";
    private static final String EXPECTED_MICROS = "expected a duration like 500us, 1ms or 2ms";
    private static final long MAX_MICROS = 3_600_000_000L;

    private Durations() {}

    /**
     * Returns the duration in milliseconds.
     *
     * @throws IllegalArgumentException with a message naming the accepted forms
     */
    public static long parseMillis(String text) {
        Matcher m = match(text, EXPECTED_MILLIS);
        if ("us".equals(m.group(2))) {
            throw new IllegalArgumentException(EXPECTED_MILLIS + ", got '" + text + "'");
        }
        return micros(m, text) / 1_000L;
    }

    /**
     * Returns a short duration, at most an hour, in microseconds: {@code 500us}, {@code 1ms}, {@code 2} (ms).
     *
     * @throws IllegalArgumentException with a message naming the accepted forms
     */
    public static long parseMicros(String text) {
        long micros = micros(match(text, EXPECTED_MICROS), text);
        if (micros > MAX_MICROS) {
            throw new IllegalArgumentException("duration '" + text + "' is too long");
        }
        return micros;
    }

    /** Formats microseconds in the grammar above: 500us, 1500us, 1ms, 2s. */
    public static String formatMicros(long micros) {
        if (micros != 0 && micros % 1_000L == 0) {
            return format(micros / 1_000L);
        }
        return micros + "us";
    }

    /** Formats milliseconds in the grammar above, in the largest whole unit: 500ms, 1500ms, 10s, 2m, 1h. */
    public static String format(long millis) {
        if (millis != 0 && millis % 3_600_000L == 0) {
            return (millis / 3_600_000L) + "h";
        }
        if (millis != 0 && millis % 60_000L == 0) {
            return (millis / 60_000L) + "m";
        }
        if (millis != 0 && millis % 1_000L == 0) {
            return (millis / 1_000L) + "s";
        }
        return millis + "ms";
    }

    private static Matcher match(String text, String expected) {
        if (text == null) {
            throw new IllegalArgumentException(expected + ", got nothing");
        }
        Matcher m = DURATION.matcher(text.trim().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new IllegalArgumentException(expected + ", got '" + text + "'");
        }
        return m;
    }

    private static long micros(Matcher m, String text) {
        try {
            return Math.multiplyExact(Long.parseLong(m.group(1)), unitMicros(m.group(2)));
        } catch (ArithmeticException | NumberFormatException overflow) {
            throw new IllegalArgumentException("duration '" + text + "' is too long");
        }
    }

    private static long unitMicros(String unit) {
        if (unit == null) {
            return 1_000L;
        }
        switch (unit) {
            case "us":
                return 1L;
            case "ms":
                return 1_000L;
            case "s":
                return 1_000_000L;
            case "m":
                return 60_000_000L;
            default:
                return 3_600_000_000L;
        }
    }
}
