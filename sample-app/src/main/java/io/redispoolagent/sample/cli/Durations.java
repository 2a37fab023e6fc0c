package io.redispoolagent.sample.cli;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses and formats the short durations used on the command line: {@code 500ms}, {@code 10s}, {@code 2m}, {@code 1h}. */
public final class Durations {
  private static final Pattern DURATION = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(ms|s|m|h)?");

  private Durations() {}

  /**
   * Returns the duration in milliseconds. A bare number means seconds.
   *
   * @throws IllegalArgumentException with a message naming the accepted forms
   */
  public static long parseMillis(String text) {
    if (text == null) {
      throw new IllegalArgumentException("expected a duration like 500ms, 10s, 2m or 1h, got nothing");
    }
    Matcher m = DURATION.matcher(text.trim().toLowerCase(Locale.ROOT));
    if (!m.matches()) {
      throw new IllegalArgumentException("expected a duration like 500ms, 10s, 2m or 1h, got '" + text + "'");
    }
    BigDecimal amount = new BigDecimal(m.group(1));
    String unit = m.group(2) == null ? "s" : m.group(2);
    long factor;
    switch (unit) {
      case "ms":
        factor = 1L;
        break;
      case "s":
        factor = 1_000L;
        break;
      case "m":
        factor = 60_000L;
        break;
      default:
        factor = 3_600_000L;
        break;
    }
    BigDecimal millis = amount.multiply(BigDecimal.valueOf(factor));
    if (millis.compareTo(BigDecimal.valueOf(Long.MAX_VALUE / 1_000_000L)) > 0) {
      throw new IllegalArgumentException("duration '" + text + "' is too long");
    }
    return millis.setScale(0, java.math.RoundingMode.HALF_UP).longValueExact();
  }

  private static final Pattern FINE_DURATION = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(us|\u00b5s|ms|s)?");

  /**
   * Returns a short duration in microseconds: {@code 500us}, {@code 1ms}, {@code 1.5ms}, {@code 0.002s}; a bare
   * number means milliseconds here (used for {@code --redis-latency}).
   *
   * @throws IllegalArgumentException with a message naming the accepted forms
   */
  public static long parseMicros(String text) {
    String expected = "expected a duration like 500us, 1ms or 2.5ms";
    if (text == null) {
      throw new IllegalArgumentException(expected + ", got nothing");
    }
    Matcher m = FINE_DURATION.matcher(text.trim().toLowerCase(Locale.ROOT));
    if (!m.matches()) {
      throw new IllegalArgumentException(expected + ", got '" + text + "'");
    }
    String unit = m.group(2) == null ? "ms" : m.group(2);
    long factor = unit.equals("s") ? 1_000_000L : unit.equals("ms") ? 1_000L : 1L;
    BigDecimal micros = new BigDecimal(m.group(1)).multiply(BigDecimal.valueOf(factor));
    if (micros.compareTo(BigDecimal.valueOf(3_600_000_000L)) > 0) {
      throw new IllegalArgumentException("duration '" + text + "' is too long");
    }
    return micros.setScale(0, java.math.RoundingMode.HALF_UP).longValueExact();
  }

  /** Formats microseconds: 500us, 1ms, 1.5ms, 2s. */
  public static String formatMicros(long micros) {
    if (micros != 0 && micros % 1_000_000L == 0) {
      return (micros / 1_000_000L) + "s";
    }
    if (micros != 0 && micros % 1_000L == 0) {
      return (micros / 1_000L) + "ms";
    }
    if (micros > 1_000L) {
      return BigDecimal.valueOf(micros, 3).stripTrailingZeros().toPlainString() + "ms";
    }
    return micros + "us";
  }

  /** Formats milliseconds the way they are typed: 500ms, 10s, 2m, 1h, or 1500ms when not a whole unit. */
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
}
