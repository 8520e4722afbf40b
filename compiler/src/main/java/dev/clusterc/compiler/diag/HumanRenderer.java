package dev.clusterc.compiler.diag;

import dev.clusterc.compiler.source.Position;
import dev.clusterc.compiler.source.SourceFile;
import dev.clusterc.compiler.source.SourceSpan;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Prints diagnostics for people, rustc-style: {@code FILE:LINE:COL: error[CODE]: message}, the
 * source line under a gutter, a caret underline, then the hint and the related places. Output stays
 * proportionate to the problems, not to the input: long lines are cut to a window around the span,
 * long messages keep their start and end, and one file's diagnostics of one code are capped.
 */
public final class HumanRenderer {
  private static final String RESET = "\u001b[0m";
  private static final String BOLD = "\u001b[1m";
  private static final String RED = "\u001b[1;31m";
  private static final String YELLOW = "\u001b[1;33m";
  private static final String BLUE = "\u001b[1;34m";
  private static final String CYAN = "\u001b[36m";
  /** Diagnostics of one code and severity shown per file; the rest are counted in one line. */
  public static final int MAX_PER_CODE = 20;
  /** Related places shown under one diagnostic. */
  static final int MAX_NOTES = 10;
  /** The longest message, hint or note printed whole. */
  static final int MAX_TEXT = 1000;

  private final boolean color;

  public HumanRenderer(boolean color) {
    this.color = color;
  }

  /**
   * Renders every diagnostic, except that after {@link #MAX_PER_CODE} of one code in one file the
   * rest of that group is counted, not shown: one line at the end says how many were left out.
   */
  public String render(List<Diagnostic> diagnostics) {
    StringBuilder out = new StringBuilder();
    Map<String, Integer> shown = new HashMap<>();
    Map<String, Omitted> omitted = new LinkedHashMap<>();
    for (Diagnostic diagnostic : diagnostics) {
      String group = diagnostic.span().file().path() + "\0" + diagnostic.severity().label() + "\0" + diagnostic.code().id();
      if (shown.merge(group, 1, Integer::sum) <= MAX_PER_CODE) {
        render(diagnostic, out);
      } else {
        omitted.computeIfAbsent(group, g -> new Omitted(diagnostic)).count++;
      }
    }
    for (Omitted left : omitted.values()) {
      Diagnostic d = left.first;
      out.append(paint(BOLD, d.span().file().path() + ":")).append(' ')
          .append(paint(BLUE, "note")).append(paint(BOLD, ": " + left.count + " more "
              + d.severity().label() + "[" + d.code().id() + "] in this file not shown"))
          .append('\n');
    }
    return out.toString();
  }

  /** The left-out diagnostics of one file and code: the first of them names the group. */
  private static final class Omitted {
    final Diagnostic first;
    int count;

    Omitted(Diagnostic first) {
      this.first = first;
    }
  }

  public void render(Diagnostic d, StringBuilder out) {
    Position at = d.span().begin();
    String severityColor = d.isError() ? RED : YELLOW;
    out.append(paint(BOLD, location(d.span()) + ":")).append(' ')
        .append(paint(severityColor, d.severity().label() + "[" + d.code().id() + "]"))
        .append(paint(BOLD, ": " + clip(d.message()))).append('\n');
    snippet(d.span(), severityColor, out);
    if (d.hint() != null) {
      out.append(gutter(at.line())).append(paint(BLUE, "= ")).append(paint(CYAN, "hint: ")).append(clip(d.hint())).append('\n');
    }
    int notes = 0;
    for (Diagnostic.Related related : d.related()) {
      if (++notes > MAX_NOTES) {
        out.append(gutter(at.line())).append(paint(BLUE, "= ")).append("note: and ")
            .append(d.related().size() - MAX_NOTES).append(" more places").append('\n');
        break;
      }
      out.append(gutter(at.line())).append(paint(BLUE, "= ")).append("note: ")
          .append(location(related.span())).append(": ").append(clip(related.message())).append('\n');
    }
  }

  /** The source line (or a window of it, see {@link Excerpt}) with a caret underline below the span. */
  private void snippet(SourceSpan span, String severityColor, StringBuilder out) {
    SourceFile file = span.file();
    Position begin = span.begin();
    Position end = span.finish();
    if (file.text().isEmpty()) {
      return;
    }
    String line = file.lineText(begin.line());
    int to = end.line() == begin.line() ? end.column() - 1 : line.length();
    Excerpt excerpt = Excerpt.of(line, begin.column() - 1, to);
    String pad = " ".repeat(Integer.toString(begin.line()).length());
    out.append(pad).append(paint(BLUE, " |")).append('\n');
    out.append(paint(BLUE, begin.line() + " |")).append(line.isEmpty() ? "" : " " + excerpt.text()).append('\n');
    out.append(pad).append(paint(BLUE, " |")).append(' ').append(" ".repeat(excerpt.caretFrom()))
        .append(paint(severityColor, "^".repeat(excerpt.caretWidth()))).append('\n');
  }

  /** A message, hint or note longer than {@link #MAX_TEXT} (one quoting a huge word) keeps its start and end. */
  static String clip(String text) {
    if (text.length() <= MAX_TEXT) {
      return text;
    }
    int head = MAX_TEXT * 3 / 4;
    int tail = MAX_TEXT / 5;
    return text.substring(0, head) + "…" + text.substring(text.length() - tail);
  }

  private String gutter(int line) {
    return " ".repeat(Integer.toString(line).length()) + " ";
  }

  private static String location(SourceSpan span) {
    Position p = span.begin();
    return span.file().path() + ":" + p.line() + ":" + p.column();
  }

  private String paint(String code, String text) {
    return color ? code + text + RESET : text;
  }

  /** "2 errors, 1 warning", or {@code null} when there is nothing to count. */
  public static String summary(List<Diagnostic> diagnostics) {
    long errors = diagnostics.stream().filter(Diagnostic::isError).count();
    long warnings = diagnostics.size() - errors;
    if (errors == 0 && warnings == 0) {
      return null;
    }
    return plural(errors, "error") + ", " + plural(warnings, "warning");
  }

  private static String plural(long n, String word) {
    return n + " " + word + (n == 1 ? "" : "s");
  }
}
