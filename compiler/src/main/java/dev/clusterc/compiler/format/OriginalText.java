package dev.clusterc.compiler.format;

import dev.clusterc.compiler.source.SourceFile;
import dev.clusterc.compiler.source.SourceSpan;
import dev.clusterc.compiler.syntax.SourceUnit;
import dev.clusterc.compiler.syntax.TextBlocks;
import java.util.Arrays;
import java.util.List;

/**
 * What the layout keeps from the original text: which brackets shared a line, where the author left
 * blank lines, and where the comments are. A tree that was not parsed (spans of another file, or
 * empty spans) reads as one long line without comments or blank lines.
 */
final class OriginalText {
  private final SourceFile file;
  private final String text;
  private final List<SourceUnit.Comment> comments;
  /** The comments' offsets, ascending (comments come in source order). */
  private final int[] commentOffsets;

  OriginalText(SourceUnit unit) {
    this.file = unit.file();
    this.text = unit.file().text();
    this.comments = unit.comments();
    this.commentOffsets = comments.stream().mapToInt(SourceUnit.Comment::offset).toArray();
  }

  List<SourceUnit.Comment> comments() {
    return comments;
  }

  /** True when the span is text of this file, so its source text can be printed as written. */
  boolean isWritten(SourceSpan span) {
    return span != null && span.file() == file && span.end() > span.start();
  }

  /**
   * The text of a string literal as written, with {@code \r\n} turned into {@code \n}. Refuses a span
   * that does not hold a whole literal, rather than write a broken file.
   */
  String writtenLiteral(SourceSpan span) {
    String literal = span.text();
    if (literal.length() < 2 || literal.charAt(0) != '"' || literal.charAt(literal.length() - 1) != '"') {
      throw offsetsOff(span.start());
    }
    return TextBlocks.lineFeeds(literal);
  }

  /** Checks that a comment stands at its offset, as it must before it is moved. */
  void checkComment(SourceUnit.Comment comment) {
    if (!text.startsWith(comment.text(), comment.offset())) {
      throw offsetsOff(comment.offset());
    }
  }

  private IllegalArgumentException offsetsOff(int offset) {
    return new IllegalArgumentException(file.path() + ": the syntax tree's offsets do not match the text near "
        + file.position(offset) + " (characters outside the Basic Multilingual Plane?); not formatting it");
  }

  /** True when the span does not cross a line break (always, for a span not of this file). */
  boolean onOneLine(SourceSpan span) {
    return !isWritten(span) || file.position(span.start()).line() == file.position(span.end() - 1).line();
  }

  /** True when a line holding nothing but whitespace lies between the two offsets. */
  boolean blankLineBetween(int from, int to) {
    int end = Math.min(to, text.length());
    int i = Math.max(from, 0);
    while (i < end && !isBreak(text.charAt(i))) {
      i++;
    }
    while (i < end) {
      i = skipBreak(i);
      int lineStart = i;
      while (i < end && isSpace(text.charAt(i))) {
        i++;
      }
      if (i < end && isBreak(text.charAt(i))) {
        return true;
      }
      i = lineStart;
      while (i < end && !isBreak(text.charAt(i))) {
        i++;
      }
    }
    return false;
  }

  /** True when a comment starts inside the span. */
  boolean hasComment(SourceSpan span) {
    return isWritten(span) && hasComment(span.start(), span.end(), false);
  }

  /** True when a comment starts between the two offsets. */
  boolean hasComment(int from, int to) {
    return hasComment(from, to, false);
  }

  /** True when a comment that has a line of its own starts between the two offsets. */
  boolean hasOwnLineComment(int from, int to) {
    return hasComment(from, to, true);
  }

  private boolean hasComment(int from, int to, boolean ownLineOnly) {
    int i = Arrays.binarySearch(commentOffsets, from);
    for (i = i < 0 ? -i - 1 : i; i < commentOffsets.length && commentOffsets[i] < to; i++) {
      if (!ownLineOnly || ownsLine(comments.get(i))) {
        return true;
      }
    }
    return false;
  }

  /** True when only whitespace precedes the comment on its line; otherwise it ends a line of code. */
  boolean ownsLine(SourceUnit.Comment comment) {
    for (int i = comment.offset() - 1; i >= 0; i--) {
      char c = text.charAt(i);
      if (isBreak(c)) {
        return true;
      }
      if (!isSpace(c)) {
        return false;
      }
    }
    return true;
  }

  private int skipBreak(int i) {
    return text.charAt(i) == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n' ? i + 2 : i + 1;
  }

  private static boolean isBreak(char c) {
    return c == '\n' || c == '\r';
  }

  /** The characters the lexer skips as whitespace. */
  private static boolean isSpace(char c) {
    return c == ' ' || c == '\t' || c == '\f' || c == '\u00A0' || c == '\uFEFF';
  }
}
