package dev.clusterc.compiler.rules;

import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The rule a name that becomes a Kubernetes name must follow (a DNS-1123 label: at most 63
 * lower-case letters, digits and {@code -}, starting and ending with a letter or digit), said in
 * words, with the nearest name that follows it. The checks report it; rename refuses a new name by
 * it; both say the same.
 */
public final class NameRules {
  /** The longest label. */
  public static final int MAX_LENGTH = 63;
  private static final Pattern LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?");

  private NameRules() {}

  /** Why {@code text} is not a DNS-1123 label, or {@code null} when it is one. */
  public static String problem(String text) {
    if (text.length() > MAX_LENGTH) {
      return "it has " + text.length() + " characters, and a name has at most " + MAX_LENGTH;
    }
    if (LABEL.matcher(text).matches()) {
      return null;
    }
    if (!text.toLowerCase(Locale.ROOT).equals(text)) {
      return "it has upper-case letters";
    }
    String others = text.chars().filter(c -> !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-')).distinct()
        .mapToObj(c -> "`" + (char) c + "`").collect(Collectors.joining(", "));
    if (!others.isEmpty()) {
      return "it has " + others + ", and a name has only lower-case letters, digits and `-`";
    }
    return "it must start and end with a letter or digit";
  }

  /** The nearest label: lower-cased, other characters turned into one {@code -}, trimmed to 63. */
  public static String suggest(String text) {
    StringBuilder out = new StringBuilder();
    for (char c : text.toLowerCase(Locale.ROOT).toCharArray()) {
      out.append(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' ? c : '-');
    }
    String label = out.toString().replaceAll("-{2,}", "-").replaceAll("^-+", "");
    label = label.substring(0, Math.min(label.length(), MAX_LENGTH)).replaceAll("-+$", "");
    return label.isEmpty() ? "x" : label;
  }
}
