package dev.clusterc.compiler.format;

import dev.clusterc.compiler.syntax.SourceUnit;
import java.util.List;

/**
 * The text being written, line by line, with the comments of the original woven in.
 *
 * <p>Comments are placed where a new line starts: every comment that lies before the node about to
 * start a line is written first, on a line of its own when it had one (re-indented), or at the end of
 * the line written last when it ended a line of code. A layout therefore only says where lines start
 * and what they hold; this class decides where the comments and the kept blank lines go. No line is
 * ever continued after a comment, so the output always parses back to the same tree.
 */
final class Out {
  /** Spaces per block level. */
  static final String INDENT = "  ";

  private final StringBuilder text = new StringBuilder();
  private final OriginalText original;
  private final List<SourceUnit.Comment> comments;
  private int nextComment;
  /** Offset in the original just after the last node or comment written. */
  private int lastEnd;
  /** True until the first line inside a bracket (or the file) is written: no blank line goes there. */
  private boolean containerStart = true;
  /** True when the current line ends with a comment, so nothing may be appended to it. */
  private boolean lineEndsInComment;
  /**
   * True when the last line is a comment that ended a line of code but had to get a line of its own:
   * a blank line then keeps it from becoming the doc comment of the item below.
   */
  private boolean detachedComment;

  Out(OriginalText original) {
    this.original = original;
    this.comments = original.comments();
  }

  void append(String s) {
    text.append(s);
  }

  /** The width of the current line so far. */
  int column() {
    return text.length() - (text.lastIndexOf("\n") + 1);
  }

  /** Starts the line of a node at {@code offset}: the comments before it, a kept blank line, the indent. */
  void line(int depth, int offset) {
    flushComments(depth, offset);
    boolean keepDetached = detachedComment && depth == 0;
    newline(depth, keepDetached || (!containerStart && original.blankLineBetween(lastEnd, offset)));
  }

  /** Starts the line of a closing bracket at {@code offset}; the comments before it keep the inner indent. */
  void closingLine(int depth, int offset) {
    flushComments(depth + 1, offset);
    newline(depth, false);
  }

  /** Marks that a bracket was opened at {@code offset}: its first line gets no blank line before it. */
  void opened(int offset) {
    containerStart = true;
    lastEnd = Math.max(lastEnd, offset);
  }

  /** Marks that the node ending at {@code offset} is written; blank lines are looked for after it. */
  void wrote(int offset) {
    lastEnd = Math.max(lastEnd, offset);
  }

  /** Writes the comments left at the end of the file and the final newline. */
  String finish() {
    flushComments(0, Integer.MAX_VALUE);
    if (text.length() > 0) {
      text.append('\n');
    }
    return text.toString();
  }

  private void flushComments(int depth, int before) {
    while (nextComment < comments.size() && comments.get(nextComment).offset() < before) {
      SourceUnit.Comment comment = comments.get(nextComment++);
      original.checkComment(comment);
      String body = comment.text().stripTrailing();
      boolean ownsLine = original.ownsLine(comment);
      if (ownsLine || text.length() == 0 || lineEndsInComment) {
        newline(depth, !containerStart && original.blankLineBetween(lastEnd, comment.offset()));
        text.append(body);
        detachedComment = !ownsLine;
      } else {
        text.append(' ').append(body);
      }
      lineEndsInComment = true;
      lastEnd = Math.max(lastEnd, comment.offset() + comment.text().length());
    }
  }

  private void newline(int depth, boolean blank) {
    if (text.length() > 0) {
      text.append('\n');
      if (blank) {
        text.append('\n');
      }
    }
    text.append(INDENT.repeat(depth));
    containerStart = false;
    lineEndsInComment = false;
    detachedComment = false;
  }
}
