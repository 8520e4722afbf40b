package dev.clusterc.compiler.types;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * A Kubernetes resource quantity such as {@code 512Mi} or {@code 250m}, kept as written for the
 * emitted manifests and as an exact number for the checks that add and compare them.
 *
 * <p>The grammar is Kubernetes' own: a decimal number with an optional sign and fraction
 * ({@code 1}, {@code -1.5}, {@code 1.}, {@code .5}) followed by a binary suffix
 * {@code Ki Mi Gi Ti Pi Ei} (powers of 1024), a decimal suffix {@code n u m k M G T P E} (powers of
 * 1000, {@code m} being milli), no suffix, or a decimal exponent {@code e3} / {@code E-2}.
 *
 * <p>{@link #compareTo} orders by value, so {@code 1Ki} and {@code 1024} compare as equal although
 * they are not {@link #equals} (their texts differ).
 *
 * @param text the literal as written
 * @param value the amount in base units (bytes, cores): {@code 5Gi} is 5368709120, {@code 100m} is
 *     0.1; stored without trailing fractional zeros
 */
public record Quantity(String text, BigDecimal value) implements Comparable<Quantity> {
  private static final Map<String, BigDecimal> SUFFIXES = Map.ofEntries(
      Map.entry("", BigDecimal.ONE),
      Map.entry("n", BigDecimal.ONE.scaleByPowerOfTen(-9)),
      Map.entry("u", BigDecimal.ONE.scaleByPowerOfTen(-6)),
      Map.entry("m", BigDecimal.ONE.scaleByPowerOfTen(-3)),
      Map.entry("k", BigDecimal.ONE.scaleByPowerOfTen(3)),
      Map.entry("M", BigDecimal.ONE.scaleByPowerOfTen(6)),
      Map.entry("G", BigDecimal.ONE.scaleByPowerOfTen(9)),
      Map.entry("T", BigDecimal.ONE.scaleByPowerOfTen(12)),
      Map.entry("P", BigDecimal.ONE.scaleByPowerOfTen(15)),
      Map.entry("E", BigDecimal.ONE.scaleByPowerOfTen(18)),
      Map.entry("Ki", BigDecimal.valueOf(1024)),
      Map.entry("Mi", BigDecimal.valueOf(1024).pow(2)),
      Map.entry("Gi", BigDecimal.valueOf(1024).pow(3)),
      Map.entry("Ti", BigDecimal.valueOf(1024).pow(4)),
      Map.entry("Pi", BigDecimal.valueOf(1024).pow(5)),
      Map.entry("Ei", BigDecimal.valueOf(1024).pow(6)));

  /** The letters of the suffixes that have both a decimal and a binary form, as a user might mistype them. */
  private static final List<Character> SCALE_LETTERS = List.of('k', 'm', 'g', 't', 'p', 'e');

  /**
   * Digits beyond this are rejected before any arithmetic (which is superlinear in the digits);
   * Kubernetes itself keeps at most 18 significant digits of a quantity.
   */
  private static final int MAX_DIGITS = 40;

  /** Exponents beyond this are rejected rather than expanded; no resource is that large or small. */
  private static final int MAX_EXPONENT = 100;

  public Quantity {
    Objects.requireNonNull(text, "text");
    value = normalize(Objects.requireNonNull(value, "value"));
  }

  /**
   * Reads a quantity such as {@code 512Mi}, {@code 0.5}, {@code 250m} or {@code 1e3}.
   *
   * @throws LiteralException naming the malformed number or the unknown suffix, with a guess at the
   *     intended suffix when the text looks like a common mistake ({@code 5GB}, {@code 5gi})
   */
  public static Quantity parse(String text) throws LiteralException {
    if (text.isEmpty()) {
      throw new LiteralException("expected a quantity, found nothing", "write a number with an optional unit, such as `512Mi` or `0.5`");
    }
    int end = numberEnd(text);
    String number = text.substring(0, end);
    if (number.chars().noneMatch(c -> c >= '0' && c <= '9')) {
      throw new LiteralException("`" + text + "` does not start with a number",
          "write a number with an optional unit, such as `512Mi` or `0.5`");
    }
    String suffix = text.substring(end);
    if (suffix.startsWith(".")) {
      throw new LiteralException("the number in `" + text + "` has more than one decimal point", null);
    }
    long digits = number.chars().filter(c -> c >= '0' && c <= '9').count();
    if (digits > MAX_DIGITS) {
      throw new LiteralException("the number in `" + clip(text) + "` has " + digits + " digits; a quantity has at most " + MAX_DIGITS,
          "use a unit for large amounts, such as `Gi` or `T`");
    }
    BigDecimal mantissa = new BigDecimal(number.startsWith("+") ? number.substring(1) : number);
    BigDecimal multiplier = SUFFIXES.get(suffix);
    if (multiplier != null) {
      return new Quantity(text, mantissa.multiply(multiplier));
    }
    if (suffix.length() > 1 && (suffix.charAt(0) == 'e' || suffix.charAt(0) == 'E')
        && isSignedInteger(suffix.substring(1))) {
      return new Quantity(text, mantissa.scaleByPowerOfTen(exponent(text, suffix.substring(1))));
    }
    throw unknownSuffix(text, number, suffix);
  }

  /** The end of the longest prefix of the form {@code [+-]digits[.digits]}. */
  private static int numberEnd(String text) {
    int i = 0;
    if (text.charAt(0) == '+' || text.charAt(0) == '-') {
      i++;
    }
    while (i < text.length() && text.charAt(i) >= '0' && text.charAt(i) <= '9') {
      i++;
    }
    if (i < text.length() && text.charAt(i) == '.') {
      i++;
      while (i < text.length() && text.charAt(i) >= '0' && text.charAt(i) <= '9') {
        i++;
      }
    }
    return i;
  }

  /** The text for a message: a very long one keeps its start and end. */
  private static String clip(String text) {
    return text.length() <= 60 ? text : text.substring(0, 30) + "…" + text.substring(text.length() - 20);
  }

  private static boolean isSignedInteger(String text) {
    String digits = text.startsWith("+") || text.startsWith("-") ? text.substring(1) : text;
    return !digits.isEmpty() && digits.chars().allMatch(c -> c >= '0' && c <= '9');
  }

  private static int exponent(String text, String written) throws LiteralException {
    String digits = written.replaceFirst("^[+-]", "").replaceFirst("^0+(?=.)", "");
    if (digits.length() > 3 || Integer.parseInt(digits) > MAX_EXPONENT) {
      throw new LiteralException("the exponent `" + written + "` in `" + text + "` is too large",
          "use an exponent between -" + MAX_EXPONENT + " and " + MAX_EXPONENT);
    }
    return written.startsWith("-") ? -Integer.parseInt(digits) : Integer.parseInt(digits);
  }

  private static LiteralException unknownSuffix(String text, String number, String suffix) {
    String message = "`" + text + "` has an unknown unit `" + suffix + "`";
    String lower = suffix.toLowerCase(Locale.ROOT);
    if ((lower.charAt(0) == 'e') && suffix.length() > 1 && suffix.substring(1).matches("[+-]?[0-9]*\\.[0-9]*")) {
      return new LiteralException("the exponent in `" + text + "` is not a whole number", "write an exponent such as `e3` or `e-2`");
    }
    if (suffix.equals("e")) {
      return new LiteralException(message, "write an exponent after the `e`, such as `" + number + "e3`, or `" + number + "E` for exa");
    }
    if (lower.length() >= 2 && lower.endsWith("b")) {
      lower = lower.substring(0, lower.length() - 1);
    }
    if (lower.equals("b")) {
      return new LiteralException(message, "bytes are the base unit: write `" + number + "`");
    }
    if (lower.length() == 1 && SCALE_LETTERS.contains(lower.charAt(0))) {
      return new LiteralException(message,
          "did you mean `" + number + decimalSuffix(lower.charAt(0)) + "` or `" + number + binarySuffix(lower.charAt(0)) + "`?");
    }
    if (lower.length() == 2 && lower.charAt(1) == 'i' && SCALE_LETTERS.contains(lower.charAt(0))) {
      return new LiteralException(message, "did you mean `" + number + binarySuffix(lower.charAt(0)) + "`?");
    }
    return new LiteralException(message,
        "the units are `Ki Mi Gi Ti Pi Ei` (powers of 1024), `n u m k M G T P E` (powers of 1000) or an exponent such as `e3`");
  }

  private static String decimalSuffix(char letter) {
    return letter == 'k' ? "k" : String.valueOf(Character.toUpperCase(letter));
  }

  private static String binarySuffix(char letter) {
    return Character.toUpperCase(letter) + "i";
  }

  private static BigDecimal normalize(BigDecimal value) {
    BigDecimal stripped = value.stripTrailingZeros();
    return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
  }

  /** Whether the value is a whole number of base units (no fraction of a byte or core). */
  public boolean isWhole() {
    return value.scale() == 0;
  }

  /** The sign of the value: -1, 0 or 1. */
  public int signum() {
    return value.signum();
  }

  /** Orders by value; {@code 1Ki} and {@code 1024} compare as equal. */
  @Override
  public int compareTo(Quantity other) {
    return value.compareTo(other.value);
  }

  /** The text as written. */
  @Override
  public String toString() {
    return text;
  }
}
