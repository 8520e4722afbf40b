package dev.clusterc.compiler.source;

import java.util.Arrays;
import java.util.Objects;

/**
 * The text of one source file with its line table, so that offsets turn into 1-based positions.
 *
 * <p>{@code path} is how the file is named in diagnostics: relative to the working directory for
 * files on disk, {@code std/NAME.cluster} for the standard library.
 */
public final class SourceFile {
  private final String path;
  private final String text;
  private final int[] lineStarts;

  public SourceFile(String path, String text) {
    this.path = Objects.requireNonNull(path);
    this.text = Objects.requireNonNull(text);
    this.lineStarts = computeLineStarts(text);
  }

  public String path() {
    return path;
  }

  public String text() {
    return text;
  }

  public int lineCount() {
    return lineStarts.length;
  }

  /** The position of a character offset; offsets past the end clamp to the end. */
  public Position position(int offset) {
    int clamped = Math.max(0, Math.min(offset, text.length()));
    int index = Arrays.binarySearch(lineStarts, clamped);
    int line = index >= 0 ? index : -index - 2;
    return new Position(line + 1, clamped - lineStarts[line] + 1);
  }

  /** The offset of a 1-based position; positions outside the text clamp into it. */
  public int offset(int line, int column) {
    if (line < 1) {
      return 0;
    }
    if (line > lineStarts.length) {
      return text.length();
    }
    int start = lineStarts[line - 1];
    int end = lineEnd(line);
    return Math.min(start + Math.max(column - 1, 0), end);
  }

  /** The text of a 1-based line, without its line terminator. */
  public String lineText(int line) {
    if (line < 1 || line > lineStarts.length) {
      return "";
    }
    return text.substring(lineStarts[line - 1], lineEnd(line));
  }

  private int lineEnd(int line) {
    int end = line < lineStarts.length ? lineStarts[line] : text.length();
    while (end > lineStarts[line - 1] && (text.charAt(end - 1) == '\n' || text.charAt(end - 1) == '\r')) {
      end--;
    }
    return end;
  }

  private static int[] computeLineStarts(String text) {
    int[] starts = new int[16];
    int count = 1;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean newline = c == '\n' || (c == '\r' && (i + 1 == text.length() || text.charAt(i + 1) != '\n'));
      if (newline) {
        if (count == starts.length) {
          starts = Arrays.copyOf(starts, count * 2);
        }
        starts[count++] = i + 1;
      }
    }
    return Arrays.copyOf(starts, count);
  }

  /** Two files are equal when they have the same path and text, so diagnostics of separate runs compare equal. */
  @Override
  public boolean equals(Object other) {
    return other instanceof SourceFile that && path.equals(that.path) && text.equals(that.text);
  }

  @Override
  public int hashCode() {
    return path.hashCode() * 31 + text.hashCode();
  }

  @Override
  public String toString() {
    return path;
  }
}
