package dev.clusterc.compiler.syntax;

/** The body of a {@code """…"""} block: the first line break dropped, common indentation removed. */
final class TextBlocks {
  private TextBlocks() {}

  static String strip(String body) {
    String text = body.startsWith("\r\n") ? body.substring(2) : body.startsWith("\n") ? body.substring(1) : body;
    String[] lines = text.split("\r?\n", -1);
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
}
