package dev.clusterc.compiler.diag;

/**
 * The part of a source line that a diagnostic shows, and where its underline goes. A line wider
 * than {@link #WIDTH} columns is cut to a window around the span, with {@code …} where text was left
 * out, so that a minified or generated one-line file does not print megabytes per diagnostic.
 *
 * @param text the shown text, tabs expanded and control characters replaced
 * @param caretFrom the column (0-based, within {@code text}) where the underline starts
 * @param caretWidth the underline's width, at least 1
 */
record Excerpt(String text, int caretFrom, int caretWidth) {
  /** The widest line shown whole; a wider one is cut to this many columns of source. */
  static final int WIDTH = 120;
  /** How many columns of context a cut line keeps before the span. */
  static final int LEAD = 40;
  static final int TAB_WIDTH = 4;
  private static final String ELLIPSIS = "…";

  /**
   * The excerpt of {@code line} for the span from character {@code from} to {@code to} (both
   * indexes into the line; {@code to} may lie past its end when the span runs on).
   */
  static Excerpt of(String line, int from, int to) {
    int start = 0;
    int end = line.length();
    if (line.length() > WIDTH) {
      start = Math.max(0, Math.min(from, line.length()) - LEAD);
      end = Math.min(line.length(), start + WIDTH);
      start = Math.max(0, Math.min(start, end - WIDTH));
      if (start > 0 && Character.isLowSurrogate(line.charAt(start))) {
        start--;
      }
      if (end < line.length() && Character.isLowSurrogate(line.charAt(end))) {
        end++;
      }
    }
    String cut = line.substring(start, end);
    String prefix = start > 0 ? ELLIPSIS : "";
    String suffix = end < line.length() ? ELLIPSIS : "";
    int caretFrom = prefix.length() + visualColumn(cut, from - start);
    int caretTo = prefix.length() + visualColumn(cut, Math.min(to, end) - start);
    if (to > end && end < line.length()) {
      caretTo += suffix.length();
    }
    return new Excerpt(prefix + expandTabs(cut) + suffix, caretFrom, Math.max(1, caretTo - caretFrom));
  }

  /** The display column of character {@code index}; past the end, one column per missing character. */
  private static int visualColumn(String text, int index) {
    int column = 0;
    for (int i = 0; i < Math.min(index, text.length()); i++) {
      column += text.charAt(i) == '\t' ? TAB_WIDTH - column % TAB_WIDTH : 1;
    }
    return column + Math.max(0, index - text.length());
  }

  private static String expandTabs(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
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
}
