package dev.clusterc.compiler.syntax;

/**
 * The body of a {@code """…"""} block: the first line break dropped, common indentation removed.
 * A line break is {@code \n} with any carriage returns before it, so that {@code \r\r\n} and
 * {@code \r\n} end a line alike and {@code fmt}'s {@code \n} endings never change the value.
 */
public final class TextBlocks {
  private TextBlocks() {}

  static String strip(String body) {
    String normal = lineFeeds(body);
    String text = normal.startsWith("\n") ? normal.substring(1) : normal;
    String[] lines = text.split("\n", -1);
    int indent = Integer.MAX_VALUE;
    for (String line : lines) {
      if (!line.isBlank()) {
        int n = 0;
        while (n < line.length() && (line.charAt(n) == ' ' || line.charAt(n) == '\t')) {
          n++;
        }
        indent = Math.min(indent, n);
      }
    }
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i];
      boolean lastBlank = i == lines.length - 1 && line.isBlank();
      if (lastBlank) {
        break;
      }
      out.append(line.isBlank() ? "" : line.substring(Math.min(indent, line.length())));
      if (i < lines.length - 1) {
        out.append('\n');
      }
    }
    return out.toString();
  }

  /** The text with every line break as one {@code \n}: carriage returns right before a {@code \n} dropped, others kept. */
  public static String lineFeeds(String text) {
    if (text.indexOf('\r') < 0) {
      return text;
    }
    StringBuilder out = new StringBuilder(text.length());
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (c != '\r') {
        out.append(c);
        i++;
        continue;
      }
      int run = i;
      while (run < text.length() && text.charAt(run) == '\r') {
        run++;
      }
      if (run == text.length() || text.charAt(run) != '\n') {
        out.append(text, i, run);
      }
      i = run;
    }
    return out.toString();
  }
}
