package dev.clusterc.compiler.kube;

import java.util.Set;
import java.util.regex.Pattern;

/**
 * How the YAML writer prints each string: plain, in single or double quotes, or as a literal block.
 * Two questions decide it. First, would a YAML 1.1 reader take the plain text for something else?
 * Kubernetes tools read YAML 1.1 (Go's yaml.v2 under {@code kubectl} and Flux), where {@code 1e3},
 * {@code 0x1F}, {@code 1_000}, {@code 1:20}, {@code .inf} are numbers, {@code y} and {@code off}
 * booleans and {@code ~} null: such texts are double-quoted, so an image tag or a ConfigMap value
 * reaches the API server as a string. Then, can the text be written plain at all? Leading or
 * trailing blanks, indicator characters ({@code - x}, {@code a: b}, {@code #c}), control characters
 * and line breaks rule out some styles; of those left, plain comes first, then single quotes, then
 * double quotes (which can escape anything). Text with a newline goes in a literal block when the
 * block can hold it. These are the choices the Jackson YAML generator made for this project before
 * (its quoting checker, then SnakeYAML's emitter); a property test holds the two to the same bytes.
 */
final class YamlQuoting {
  /** Integers and floats in every notation YAML 1.1 knows (binary, octal, hex, underscores, base 60, exponents). */
  private static final Pattern NUMBER = Pattern.compile("[-+]?(?:\\.[0-9_]+|[0-9][0-9_]*(?:\\.[0-9_]*)?"
      + "|0b[01_]+|0o[0-7_]+|0x[0-9a-fA-F_]+|[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\\.[0-9_]*)?)(?:[eE][-+]?[0-9]+)?"
      + "|[-+]?\\.(?:inf|Inf|INF)|\\.(?:nan|NaN|NAN)"
      + "|[-+]?[0-9]*(?:\\.[0-9]*)?");

  /** Booleans and nulls of YAML 1.1, and the merge key. */
  private static final Set<String> WORDS = Set.of("y", "Y", "n", "N", "yes", "Yes", "YES", "no", "No", "NO",
      "true", "True", "TRUE", "false", "False", "FALSE", "on", "On", "ON", "off", "Off", "OFF",
      "null", "Null", "NULL", "<<", "=");

  /** Keys longer than this are written as {@code ? key} entries: YAML readers need not look further ahead. */
  private static final int SIMPLE_KEY_LENGTH = 128;

  /** The ways a string can be printed. */
  enum Style { PLAIN, SINGLE, DOUBLE, LITERAL }

  private YamlQuoting() {}

  /** The style of a string value in a block map or list. */
  static Style value(String text) {
    if (text.isEmpty()) {
      return Style.DOUBLE;
    }
    if (ordinary(text)) {
      return other(text) ? Style.DOUBLE : Style.PLAIN;
    }
    if (text.indexOf('\n') >= 0) {
      Shape shape = Shape.of(text);
      return shape.block() ? Style.LITERAL : Style.DOUBLE;
    }
    if (other(text) || indicator(text)) {
      return Style.DOUBLE;
    }
    return unquoted(text, false);
  }

  /** The style of a key; {@code simple} says whether it is written as {@code key:} rather than {@code ? key}. */
  static Style key(String text, boolean simple) {
    if (ordinary(text)) {
      return other(text) ? Style.DOUBLE : Style.PLAIN;
    }
    if (text.isEmpty() || other(text) || control(text)) {
      return Style.DOUBLE;
    }
    char first = text.charAt(0);
    if ((first >= '0' && first <= '9') || first == '-' || first == '+' || first == '.') {
      return Style.DOUBLE;
    }
    return unquoted(text, simple);
  }

  /** Whether a key fits on its own line before the colon: short, not empty, no line break. */
  static boolean simpleKey(String text) {
    return !text.isEmpty() && text.length() < SIMPLE_KEY_LENGTH && !hasLineBreak(text);
  }

  static boolean hasLineBreak(String text) {
    for (int i = 0; i < text.length(); i++) {
      if (lineBreak(text.charAt(i))) {
        return true;
      }
    }
    return false;
  }

  /**
   * Most texts (names, labels, images, paths, quantities) start with a letter and hold only letters,
   * digits, {@code ._/-}, inner blanks and colons not before a blank: plain unless a YAML 1.1 word,
   * seen without the full analysis. Anything else goes through {@link Shape}.
   */
  static boolean ordinary(String text) {
    int length = text.length();
    if (length == 0) {
      return false;
    }
    char first = text.charAt(0);
    if (!(first >= 'a' && first <= 'z' || first >= 'A' && first <= 'Z') || text.charAt(length - 1) == ' '
        || text.charAt(length - 1) == ':') {
      return false;
    }
    for (int i = 1; i < length; i++) {
      char c = text.charAt(i);
      boolean plain = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '.'
          || c == '_' || c == '/' || c == ' ' && text.charAt(i - 1) != ':' || c == ':' && text.charAt(i + 1) != ' ';
      if (!plain) {
        return false;
      }
    }
    return true;
  }

  /** Numbers (the plain scalars Jackson printed) need no quotes, but take them where the text does. */
  static Style number(String text) {
    return unquoted(text, false);
  }

  /** Plain where YAML allows it, else single quotes, else double quotes. */
  private static Style unquoted(String text, boolean simpleKey) {
    Shape shape = Shape.of(text);
    if (shape.plain() && !(simpleKey && shape.multiline())) {
      return Style.PLAIN;
    }
    return shape.single() && !(simpleKey && shape.multiline()) ? Style.SINGLE : Style.DOUBLE;
  }

  /** A YAML 1.1 number, boolean or null, or {@code ~...}: would not read back as this text. */
  private static boolean other(String text) {
    if (text.isEmpty()) {
      return false;
    }
    char first = text.charAt(0);
    if (first == '~') {
      return true;
    }
    boolean numeric = (first >= '0' && first <= '9') || first == '-' || first == '+' || first == '.';
    return numeric ? NUMBER.matcher(text).matches() : text.length() <= 5 && WORDS.contains(text);
  }

  /** Flow indicators anywhere, a comment start, or a colon that ends a key. */
  private static boolean indicator(String text) {
    int end = text.length();
    for (int i = 0; i < end; i++) {
      switch (text.charAt(i)) {
        case '[', ']', '{', '}', ',' -> {
          return true;
        }
        case '#' -> {
          if (i == 0 || blank(text.charAt(i - 1))) {
            return true;
          }
        }
        case ':' -> {
          if (i == end - 1 || blank(text.charAt(i + 1))) {
            return true;
          }
        }
        default -> { }
      }
    }
    return false;
  }

  private static boolean blank(char c) {
    return c == ' ' || c == '\t';
  }

  /** A control character: a key with one is quoted so it cannot break the line. */
  private static boolean control(String text) {
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) < ' ') {
        return true;
      }
    }
    return false;
  }
  /**
   * What a text allows, from one pass over it: plain (no blanks at its ends, no indicator that a
   * reader would act on, not a number with a leading zero), single quotes (no line that starts with a
   * blank, no blank before a line break, no control character), a literal block (no blank at its
   * end, no blank before a line break, no control character); and whether it holds a line break.
   */
  private record Shape(boolean plain, boolean single, boolean block, boolean multiline) {
    static Shape of(String text) {
      int length = text.length();
      boolean indicators = text.startsWith("---") || text.startsWith("...");
      boolean breaks = false;
      boolean special = false;
      boolean spaceBreak = false;
      boolean breakSpace = false;
      boolean afterBlank = true;
      boolean previousSpace = false;
      boolean previousBreak = false;
      for (int i = 0; i < length; ) {
        int c = text.codePointAt(i);
        int next = i + Character.charCount(c);
        boolean lineBreak = lineBreak(c);
        boolean beforeBlank = next >= length || blank(text, next) || previousBreak;
        if (i == 0) {
          beforeBlank = length == 1 || blankOrBreak(text.codePointAt(1));
          indicators |= "#,[]{}&*!|>'\"%@`".indexOf(c) >= 0 || ((c == '?' || c == ':' || c == '-') && beforeBlank);
        } else {
          indicators |= (c == ':' && beforeBlank) || (c == '#' && afterBlank);
        }
        breaks |= lineBreak;
        special |= !(c == '\n' || (c >= 0x20 && c <= 0x7E) || c == 0x85 || (c >= 0xA0 && c <= 0xD7FF)
            || (c >= 0xE000 && c <= 0xFFFD) || c >= 0x10000);
        spaceBreak |= lineBreak && previousSpace;
        breakSpace |= c == ' ' && previousBreak;
        previousSpace = c == ' ';
        previousBreak = lineBreak;
        afterBlank = c == ' ' || c == '\t' || c == 0 || lineBreak;
        i = next;
      }
      char first = text.charAt(0);
      char last = text.charAt(length - 1);
      boolean ends = first == ' ' || last == ' ' || lineBreak(first) || lineBreak(last) || leadingZero(text);
      boolean bad = spaceBreak || special;
      return new Shape(!(ends || breakSpace || bad || indicators), !(breakSpace || bad), !(last == ' ' || bad),
          breaks);
    }
  }

  /** A text for double quotes: what is not printable ASCII as a YAML short escape, else by code; other printable characters as they are. */
  static String escaped(String text) {
    StringBuilder out = new StringBuilder(text.length() + 8);
    int length = text.length();
    for (int i = 0; i < length; i++) {
      char c = text.charAt(i);
      if (c >= 0x20 && c <= 0x7E && c != '"' && c != '\\') {
        out.append(c);
        continue;
      }
      String escape = switch (c) {
        case '\0' -> "\\0";
        case '\u0007' -> "\\a";
        case '\b' -> "\\b";
        case '\t' -> "\\t";
        case '\n' -> "\\n";
        case '\u000B' -> "\\v";
        case '\f' -> "\\f";
        case '\r' -> "\\r";
        case '\u001B' -> "\\e";
        case '"' -> "\\\"";
        case '\\' -> "\\\\";
        case '\u0085' -> "\\N";
        case '\u00A0' -> "\\_";
        case '\u2028' -> "\\L";
        case '\u2029' -> "\\P";
        default -> null;
      };
      if (escape == null) {
        int code = Character.isHighSurrogate(c) && i + 1 < length ? Character.toCodePoint(c, text.charAt(i + 1)) : c;
        boolean pair = Character.charCount(code) == 2;
        if (printable(code)) {
          escape = new String(Character.toChars(code));
        } else if (c <= 0xFF) {
          escape = String.format("\\x%02x", (int) c);
        } else {
          escape = pair ? String.format("\\U%08x", code) : String.format("\\u%04x", (int) c);
        }
        i += pair ? 1 : 0;
      }
      out.append(escape);
    }
    return out.toString();
  }

  private static boolean printable(int c) {
    return (c >= 0x20 && c <= 0x7E) || c == 0x9 || c == 0xA || c == 0xD || c == 0x85
        || (c >= 0xA0 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD) || (c >= 0x10000 && c <= 0x10FFFF);
  }

  /** The characters YAML takes for line breaks (a carriage return alone is not one of them). */
  static boolean lineBreak(int c) {
    return c == '\n' || c == 0x85 || c == 0x2028 || c == 0x2029;
  }

  private static boolean blankOrBreak(int c) {
    return c == ' ' || c == '\t' || c == 0 || c == '\r' || lineBreak(c);
  }

  private static boolean blank(String text, int i) {
    int c = text.codePointAt(i);
    return c == ' ' || c == '\t' || c == 0;
  }

  /** {@code 0123} or {@code 0_7}: an octal number to YAML 1.1. */
  private static boolean leadingZero(String text) {
    if (text.length() < 2 || text.charAt(0) != '0') {
      return false;
    }
    for (int i = 1; i < text.length(); i++) {
      char c = text.charAt(i);
      if (!(c >= '0' && c <= '9') && c != '_') {
        return false;
      }
    }
    return true;
  }
}
