package dev.clusterc.compiler.types;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * A length of time written the way people say it ({@code 1h30m}, {@code 7d}), kept as written for
 * the user and as whole seconds for the checks and for Kubernetes' Go-style fields.
 *
 * <p>The literal is one or more parts {@code <digits><unit>} with the units {@code d h m s}, each at
 * most once and from largest to smallest. Fractions and signs are not allowed; {@code 0s} is. The
 * longest duration is that of Go's {@code time.Duration}, about 292 years, so every value can be
 * emitted as one.
 *
 * <p>{@link #compareTo} orders by length, so {@code 60m} and {@code 1h} compare as equal although
 * they are not {@link #equals} (their texts differ).
 *
 * @param text the literal as written
 * @param seconds the length in seconds, not negative
 */
public record Duration(String text, long seconds) implements Comparable<Duration> {
  /** The longest duration, in seconds: Go's {@code time.Duration} counts nanoseconds in 63 bits. */
  public static final long MAX_SECONDS = Long.MAX_VALUE / 1_000_000_000L;

  private static final String UNITS = "dhms";
  private static final long[] UNIT_SECONDS = {86_400, 3_600, 60, 1};
  private static final String[] UNIT_NAMES = {"days", "hours", "minutes", "seconds"};
  private static final String UNITS_HINT = "the units are `d` (days), `h` (hours), `m` (minutes) and `s` (seconds)";

  /** Misspelled units and what to write instead. */
  private static final Map<String, Character> ALIASES = Map.ofEntries(
      Map.entry("D", 'd'), Map.entry("day", 'd'), Map.entry("days", 'd'),
      Map.entry("H", 'h'), Map.entry("hr", 'h'), Map.entry("hrs", 'h'), Map.entry("hour", 'h'), Map.entry("hours", 'h'),
      Map.entry("M", 'm'), Map.entry("min", 'm'), Map.entry("mins", 'm'), Map.entry("minute", 'm'), Map.entry("minutes", 'm'),
      Map.entry("S", 's'), Map.entry("sec", 's'), Map.entry("secs", 's'), Map.entry("second", 's'), Map.entry("seconds", 's'));

  /** Units longer than a day, and how many days each is written as. */
  private static final Map<String, Integer> IN_DAYS = Map.ofEntries(
      Map.entry("w", 7), Map.entry("wk", 7), Map.entry("week", 7), Map.entry("weeks", 7),
      Map.entry("mo", 30), Map.entry("month", 30), Map.entry("months", 30),
      Map.entry("y", 365), Map.entry("yr", 365), Map.entry("year", 365), Map.entry("years", 365));

  public Duration {
    Objects.requireNonNull(text, "text");
    if (seconds < 0 || seconds > MAX_SECONDS) {
      throw new IllegalArgumentException("duration out of range: " + seconds + "s");
    }
  }

  /** The duration of {@code seconds}, written in the shortest form such as {@code 1h30m}. */
  public static Duration ofSeconds(long seconds) {
    return new Duration(format(seconds), seconds);
  }

  /**
   * Reads a duration such as {@code 30s}, {@code 1h30m} or {@code 7d}.
   *
   * @throws LiteralException naming the part with a missing or unknown unit, a fraction, a sign, or
   *     units out of order or repeated
   */
  public static Duration parse(String text) throws LiteralException {
    if (text.isEmpty()) {
      throw new LiteralException("expected a duration, found nothing", "write a number and a unit, such as `30s` or `1h30m`");
    }
    if (text.charAt(0) == '-' || text.charAt(0) == '+') {
      throw new LiteralException("`" + text + "` has a sign", "a duration is never negative; write `" + text.substring(1) + "`");
    }
    long[] amounts = new long[UNITS.length()];
    List<Integer> order = new ArrayList<>();
    int i = 0;
    while (i < text.length()) {
      int start = i;
      while (i < text.length() && isDigit(text.charAt(i))) {
        i++;
      }
      String number = text.substring(start, i);
      if (number.isEmpty()) {
        throw new LiteralException(start == 0 ? "`" + text + "` does not start with a number" : "unexpected `" + text.charAt(start) + "` in `" + text + "`",
            "write a number before each unit, such as `1h30m`");
      }
      if (i < text.length() && (text.charAt(i) == '.' || text.charAt(i) == ',')) {
        throw fraction(text, start);
      }
      int unitStart = i;
      while (i < text.length() && Character.isLetter(text.charAt(i))) {
        i++;
      }
      String unit = text.substring(unitStart, i);
      if (unit.isEmpty() && i < text.length()) {
        throw new LiteralException("unexpected `" + text.charAt(i) + "` in `" + text + "`",
            "write the parts without separators, such as `1h30m`");
      }
      if (unit.isEmpty()) {
        throw missingUnit(text, number, order);
      }
      int index = unitIndex(text, number, unit);
      if (number.replaceFirst("^0+", "").length() > 18) {
        throw tooLong(text);
      }
      try {
        amounts[index] = Math.addExact(amounts[index], Long.parseLong(number));
      } catch (ArithmeticException e) {
        throw tooLong(text);
      }
      order.add(index);
    }
    checkOrder(text, amounts, order);
    long seconds = 0;
    try {
      for (int u = 0; u < UNITS.length(); u++) {
        seconds = Math.addExact(seconds, Math.multiplyExact(amounts[u], UNIT_SECONDS[u]));
      }
    } catch (ArithmeticException e) {
      throw tooLong(text);
    }
    if (seconds > MAX_SECONDS) {
      throw tooLong(text);
    }
    return new Duration(text, seconds);
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static int unitIndex(String text, String number, String unit) throws LiteralException {
    int index = unit.length() == 1 ? UNITS.indexOf(unit.charAt(0)) : -1;
    if (index >= 0) {
      return index;
    }
    String message = "`" + unit + "` in `" + text + "` is not a duration unit";
    Character alias = ALIASES.containsKey(unit) ? ALIASES.get(unit) : ALIASES.get(unit.toLowerCase(Locale.ROOT));
    if (alias != null) {
      throw new LiteralException(message, "write `" + alias + "` for " + UNIT_NAMES[UNITS.indexOf(alias)] + ": `" + number + alias + "`");
    }
    Integer days = IN_DAYS.get(unit.toLowerCase(Locale.ROOT));
    if (days != null) {
      String inDays = number.length() > 9 ? number + "×" + days : String.valueOf(Long.parseLong(number) * days);
      throw new LiteralException(message, "write it in days: `" + inDays + "d`");
    }
    if (List.of("ms", "us", "µs", "ns").contains(unit)) {
      throw new LiteralException(message, "durations are whole seconds; " + UNITS_HINT);
    }
    throw new LiteralException(message, UNITS_HINT);
  }

  private static LiteralException fraction(String text, int start) {
    int end = start;
    while (end < text.length() && (isDigit(text.charAt(end)) || text.charAt(end) == '.' || text.charAt(end) == ',')) {
      end++;
    }
    int unitEnd = end < text.length() && UNITS.indexOf(text.charAt(end)) >= 0 ? end + 1 : end;
    String part = text.substring(start, unitEnd);
    String message = "`" + part + "`" + (part.equals(text) ? "" : " in `" + text + "`") + " has a fraction";
    String hint = "durations are whole numbers of each unit; use a smaller unit";
    // The hint's arithmetic is superlinear in the digits: only for a number a person would write.
    if (unitEnd == end + 1 && end - start <= 40 && text.substring(start, end).matches("[0-9]+[.,][0-9]+")) {
      BigDecimal seconds = new BigDecimal(text.substring(start, end).replace(',', '.'))
          .multiply(BigDecimal.valueOf(UNIT_SECONDS[UNITS.indexOf(text.charAt(end))]));
      if (seconds.stripTrailingZeros().scale() <= 0 && seconds.compareTo(BigDecimal.valueOf(MAX_SECONDS)) <= 0) {
        hint = "durations are whole numbers of each unit; write `" + format(seconds.longValueExact()) + "`";
      }
    }
    return new LiteralException(message, hint);
  }

  private static LiteralException missingUnit(String text, String number, List<Integer> order) {
    if (order.isEmpty()) {
      return new LiteralException("`" + text + "` has no unit",
          "write `" + number + "s`, `" + number + "m`, `" + number + "h` or `" + number + "d`");
    }
    String message = "the number `" + number + "` at the end of `" + text + "` has no unit";
    int previous = order.get(order.size() - 1);
    if (previous + 1 < UNITS.length()) {
      return new LiteralException(message, "write `" + text + UNITS.charAt(previous + 1) + "`");
    }
    return new LiteralException(message, UNITS_HINT);
  }

  private static void checkOrder(String text, long[] amounts, List<Integer> order) throws LiteralException {
    StringBuilder fixed = new StringBuilder();
    for (int u = 0; u < UNITS.length(); u++) {
      if (order.contains(u)) {
        fixed.append(amounts[u]).append(UNITS.charAt(u));
      }
    }
    for (int u = 0; u < UNITS.length(); u++) {
      if (order.indexOf(u) != order.lastIndexOf(u)) {
        throw new LiteralException("`" + text + "` gives the " + UNIT_NAMES[u] + " more than once", "write `" + fixed + "`");
      }
    }
    for (int k = 1; k < order.size(); k++) {
      if (order.get(k) < order.get(k - 1)) {
        throw new LiteralException("the parts of `" + text + "` are out of order; the largest unit comes first",
            "write `" + fixed + "`");
      }
    }
  }

  private static LiteralException tooLong(String text) {
    return new LiteralException("`" + text + "` is too long",
        "the longest duration is " + (MAX_SECONDS / 86_400) + "d (about 292 years)");
  }

  /** The shortest literal for {@code seconds}: {@code 0s}, {@code 90} → {@code 1m30s}, {@code 86400} → {@code 1d}. */
  static String format(long seconds) {
    if (seconds == 0) {
      return "0s";
    }
    StringBuilder out = new StringBuilder();
    long rest = seconds;
    for (int u = 0; u < UNITS.length(); u++) {
      if (rest >= UNIT_SECONDS[u]) {
        out.append(rest / UNIT_SECONDS[u]).append(UNITS.charAt(u));
        rest %= UNIT_SECONDS[u];
      }
    }
    return out.toString();
  }

  /**
   * The duration in the format of Go's {@code time.Duration.String()}, as Kubernetes and Flux print
   * it: hours are the largest unit and, once one is present, every smaller one is written
   * ({@code 1h} → {@code 1h0m0s}, {@code 10m} → {@code 10m0s}, {@code 7d} → {@code 168h0m0s},
   * {@code 30s} → {@code 30s}).
   */
  public String toGoString() {
    long hours = seconds / 3_600;
    long minutes = seconds % 3_600 / 60;
    long secs = seconds % 60;
    if (hours > 0) {
      return hours + "h" + minutes + "m" + secs + "s";
    }
    return minutes > 0 ? minutes + "m" + secs + "s" : secs + "s";
  }

  /** The same length as a {@link java.time.Duration}. */
  public java.time.Duration toJavaDuration() {
    return java.time.Duration.ofSeconds(seconds);
  }

  /** Orders by length; {@code 60m} and {@code 1h} compare as equal. */
  @Override
  public int compareTo(Duration other) {
    return Long.compare(seconds, other.seconds);
  }

  /** The text as written. */
  @Override
  public String toString() {
    return text;
  }
}
