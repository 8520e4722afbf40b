package dev.clusterc.compiler.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.clusterc.compiler.source.SourceFile;
import dev.clusterc.compiler.source.SourceSpan;
import dev.clusterc.compiler.syntax.Parser;
import dev.clusterc.compiler.syntax.SourceUnit;
import dev.clusterc.compiler.syntax.Value;
import java.util.List;

/** What every formatted file must satisfy, asserted in one place for all the formatter's tests. */
final class FormatCheck {
  private FormatCheck() {}

  static SourceUnit parse(String path, String text) {
    return Parser.parse(new SourceFile(path, text));
  }

  /**
   * Formats {@code text} (which must parse without errors) and asserts that the result parses with no
   * diagnostics, has the same structure and comments, follows the layout rules, and is a fixed point.
   */
  static String assertFormatsWell(String path, String text) {
    SourceUnit unit = parse(path, text);
    assertFalse(unit.hasErrors(), () -> path + " does not parse: " + unit.diagnostics());
    String once = Formatter.format(unit);
    SourceUnit again = parse(path, once);
    assertEquals(List.of(), again.diagnostics(), () -> "the formatted " + path + " does not parse:\n" + once);
    assertEquals(SyntaxShape.of(unit), SyntaxShape.of(again), () -> "formatting changed the structure of " + path + ":\n" + once);
    assertEquals(SyntaxShape.comments(unit), SyntaxShape.comments(again), () -> "formatting changed the comments of " + path);
    assertLayout(again, once);
    assertEquals(once, Formatter.format(again), () -> "formatting " + path + " twice changes it again");
    return once;
  }

  /**
   * The rules that hold for every formatted text: {@code \n} line endings, one final newline, no
   * leading blank line, no trailing whitespace, no run of blank lines, spaces for indentation.
   * The inside of text blocks is content and is left alone.
   */
  static void assertLayout(SourceUnit formatted, String text) {
    if (text.isEmpty()) {
      return;
    }
    List<SourceSpan> textBlocks = SyntaxWalk.values(formatted).stream()
        .filter(v -> v instanceof Value.Str s && s.textBlock())
        .map(Value::span)
        .toList();
    assertTrue(text.endsWith("\n") && !text.endsWith("\n\n"), "exactly one final newline");
    assertFalse(text.startsWith("\n"), "no leading blank line");
    int start = 0;
    boolean previousBlank = false;
    while (start < text.length()) {
      int end = text.indexOf('\n', start);
      String line = text.substring(start, end);
      int lineStart = start;
      boolean inTextBlock = textBlocks.stream().anyMatch(s -> s.start() < end && s.end() > lineStart);
      if (!inTextBlock) {
        if (line.contains("\r")) {
          fail("a carriage return in line: " + line);
        }
        assertEquals(line.stripTrailing(), line, "trailing whitespace in line: " + line);
        assertFalse(line.startsWith("\t") || line.matches(" *\t.*"), "tab indentation in line: " + line);
        assertFalse(previousBlank && line.isEmpty(), "two blank lines in a row");
        assertTrue((line.length() - line.stripLeading().length()) % 2 == 0,
            "indentation is not a multiple of two: " + line);
      }
      previousBlank = line.isEmpty() && !inTextBlock;
      start = end + 1;
    }
  }
}
