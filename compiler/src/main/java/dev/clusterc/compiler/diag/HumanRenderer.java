package dev.clusterc.compiler.diag;

import dev.clusterc.compiler.source.Position;
import dev.clusterc.compiler.source.SourceFile;
import dev.clusterc.compiler.source.SourceSpan;
import java.util.List;

/**
 * Prints diagnostics for people, rustc-style: {@code FILE:LINE:COL: error[CODE]: message}, the
 * source line under a gutter, a caret underline, then the hint and the related places.
 */
public final class HumanRenderer {
  private static final String RESET = "\u001b[0m";
  private static final String BOLD = "\u001b[1m";
  private static final String RED = "\u001b[1;31m";
  private static final String YELLOW = "\u001b[1;33m";
  private static final String BLUE = "\u001b[1;34m";
  private static final String CYAN = "\u001b[36m";
  private static final int TAB_WIDTH = 4;

  private final boolean color;

  public HumanRenderer(boolean color) {
    this.color = color;
  }

  public String render(List<Diagnostic> diagnostics) {
    StringBuilder out = new StringBuilder();
    for (Diagnostic diagnostic : diagnostics) {
      render(diagnostic, out);
    }
    return out.toString();
  }

  public void render(Diagnostic d, StringBuilder out) {
    Position at = d.span().begin();
    String severityColor = d.isError() ? RED : YELLOW;
    out.append(paint(BOLD, location(d.span()) + ":")).append(' ')
        .append(paint(severityColor, d.severity().label() + "[" + d.code().id() + "]"))
        .append(paint(BOLD, ": " + d.message())).append('\n');
    snippet(d.span(), severityColor, out);
    if (d.hint() != null) {
      out.append(gutter(at.line())).append(paint(BLUE, "= ")).append(paint(CYAN, "hint: ")).append(d.hint()).append('\n');
    }
    for (Diagnostic.Related related : d.related()) {
      out.append(gutter(at.line())).append(paint(BLUE, "= ")).append("note: ")
          .append(location(related.span())).append(": ").append(related.message()).append('\n');
    }
  }

  /** The source line with a caret underline below the span's part on that line. */
  private void snippet(SourceSpan span, String severityColor, StringBuilder out) {
    SourceFile file = span.file();
    Position begin = span.begin();
    Position end = span.finish();
    String line = file.lineText(begin.line());
    if (file.text().isEmpty()) {
      return;
    }
    String pad = " ".repeat(Integer.toString(begin.line()).length());
    int from = visualColumn(line, begin.column() - 1);
    int to = end.line() == begin.line() ? visualColumn(line, end.column() - 1) : visualColumn(line, line.length());
    int width = Math.max(1, to - from);
    out.append(pad).append(paint(BLUE, " |")).append('\n');
    out.append(paint(BLUE, begin.line() + " |")).append(line.isEmpty() ? "" : " " + expandTabs(line)).append('\n');
    out.append(pad).append(paint(BLUE, " |")).append(' ').append(" ".repeat(from))
        .append(paint(severityColor, "^".repeat(width))).append('\n');
  }

  private String gutter(int line) {
    return " ".repeat(Integer.toString(line).length()) + " ";
  }

  private static String location(SourceSpan span) {
    Position p = span.begin();
    return span.file().path() + ":" + p.line() + ":" + p.column();
  }

  private static int visualColumn(String line, int index) {
    int column = 0;
    for (int i = 0; i < Math.min(index, line.length()); i++) {
      column += line.charAt(i) == '\t' ? TAB_WIDTH - column % TAB_WIDTH : 1;
    }
    return column + Math.max(0, index - line.length());
  }

  private static String expandTabs(String line) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (c == '\t') {
        out.append(" ".repeat(TAB_WIDTH - out.length() % TAB_WIDTH));
      } else if (Character.isISOControl(c)) {
        out.append('\uFFFD');
      } else {
        out.append(c);
      }
    }
    return out.toString();
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
