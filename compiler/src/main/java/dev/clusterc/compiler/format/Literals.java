package dev.clusterc.compiler.format;

import dev.clusterc.compiler.syntax.Name;
import dev.clusterc.compiler.syntax.StrPart;
import dev.clusterc.compiler.syntax.Value;
import java.util.regex.Pattern;

/**
 * Strings and map keys. A string of the original prints exactly as written, escapes and all; a
 * string made by a program (no source text) is printed from its parts.
 */
final class Literals {
  private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_-]*");

  private final OriginalText original;

  Literals(OriginalText original) {
    this.original = original;
  }

  /** True when {@code text} can be a map key without quotes: an identifier or a reserved word. */
  static boolean isBareKey(String text) {
    return IDENTIFIER.matcher(text).matches();
  }

  String string(Value.Str str) {
    if (original.isWritten(str.span())) {
      return original.writtenLiteral(str.span());
    }
    return str.textBlock() ? textBlockFromParts(str) : stringFromParts(str);
  }

  /**
   * A map key: bare when it is an identifier (reserved words included: Helm values use {@code from}
   * and {@code for}), otherwise a string, as written when it was one.
   */
  String mapKey(Name key) {
    if (isBareKey(key.text())) {
      return key.text();
    }
    if (original.isWritten(key.span())) {
      return original.writtenLiteral(key.span());
    }
    return "\"" + escape(key.text()) + "\"";
  }

  private static String stringFromParts(Value.Str str) {
    StringBuilder out = new StringBuilder("\"");
    StringBuilder literal = new StringBuilder();
    for (StrPart part : str.parts()) {
      if (part instanceof StrPart.Text t) {
        literal.append(t.text());
      } else {
        out.append(escape(literal.toString()));
        literal.setLength(0);
        out.append("${").append(((StrPart.Interpolation) part).path()).append('}');
      }
    }
    return out.append(escape(literal.toString())).append('"').toString();
  }

  /**
   * A text block has no escapes: its text goes in as it is, after a line break that the parser
   * drops. Text that a text block cannot hold ({@code """}, a literal {@code ${}) is refused.
   */
  private static String textBlockFromParts(Value.Str str) {
    String raw = str.raw();
    for (StrPart part : str.parts()) {
      if (part instanceof StrPart.Text t && (t.text().contains("\"\"\"") || t.text().contains("${"))) {
        throw new IllegalArgumentException("a text block cannot hold `\"\"\"` or a literal `${`: " + raw);
      }
    }
    return "\"\"\"\n" + raw + "\"\"\"";
  }

  /** Escapes what a {@code "…"} string cannot hold as is: quote, backslash, newline, tab and {@code ${}. */
  static String escape(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\t' -> out.append("\\t");
        case '\r' -> throw new IllegalArgumentException("a string cannot hold a carriage return");
        case '$' -> out.append(i + 1 < text.length() && text.charAt(i + 1) == '{' ? "\\$" : "$");
        default -> out.append(c);
      }
    }
    return out.toString();
  }
}
