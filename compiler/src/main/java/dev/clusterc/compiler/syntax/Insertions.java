package dev.clusterc.compiler.syntax;

import dev.clusterc.compiler.diag.TextEdit;
import dev.clusterc.compiler.source.SourceFile;
import dev.clusterc.compiler.source.SourceSpan;
import java.util.Optional;

/**
 * Where new text goes in a parsed file, laid out as a person would write it: a new entry at the
 * end of a block (its own line, indented like the entry above, in a block of lines; after a
 * {@code ;} in a one-line block), a new top-level line after the file's last {@code use} (or at
 * its end). Fixes of diagnostics are built from these.
 */
public final class Insertions {
  private Insertions() {}

  /** Adds {@code entry} at the end of {@code block}; empty when the block was never closed (where it ends is a guess). */
  public static Optional<TextEdit> entry(Block block, String entry) {
    if (block == null || !block.closed()) {
      return Optional.empty();
    }
    SourceFile file = block.span().file();
    String text = file.text();
    int open = block.span().start();
    int close = block.span().end() - 1;
    if (close <= open || text.charAt(close) != '}') {
      return Optional.empty();
    }
    int closeLine = text.lastIndexOf('\n', close - 1) + 1;
    boolean closeAlone = text.substring(Math.max(closeLine, open + 1), close).isBlank() && closeLine > open;
    if (block.entries().isEmpty()) {
      return Optional.of(closeAlone
          ? TextEdit.insert(file, closeLine, indentOf(text, closeLine) + "  " + entry + "\n")
          : new TextEdit(new SourceSpan(file, open + 1, close), " " + entry + " "));
    }
    Entry last = block.entries().get(block.entries().size() - 1);
    if (closeAlone && closeLine > last.span().end()) {
      int lastLine = text.lastIndexOf('\n', last.span().start() - 1) + 1;
      boolean lastBeginsLine = text.substring(lastLine, last.span().start()).isBlank();
      String indent = lastBeginsLine ? text.substring(lastLine, last.span().start()) : indentOf(text, closeLine) + "  ";
      return Optional.of(TextEdit.insert(file, closeLine, indent + entry + "\n"));
    }
    return Optional.of(TextEdit.insert(file, last.span().end(), "; " + entry));
  }

  /** Adds a top-level line after the last {@code use} of the file, or at its end when it has none. */
  public static TextEdit item(SourceUnit unit, String line) {
    SourceFile file = unit.file();
    String text = file.text();
    Item.Use lastUse = null;
    for (Item item : unit.items()) {
      if (item instanceof Item.Use use) {
        lastUse = use;
      }
    }
    if (lastUse != null) {
      int end = lastUse.span().end();
      int lineEnd = text.indexOf('\n', end);
      String rest = text.substring(end, lineEnd < 0 ? text.length() : lineEnd).strip();
      boolean restIsComment = rest.isEmpty() || rest.startsWith("#");
      return TextEdit.insert(file, restIsComment ? (lineEnd < 0 ? text.length() : lineEnd) : end, "\n" + line);
    }
    boolean endsLine = text.isEmpty() || text.endsWith("\n");
    return TextEdit.insert(file, text.length(), (endsLine ? "" : "\n") + line + "\n");
  }

  private static String indentOf(String text, int lineStart) {
    int i = lineStart;
    while (i < text.length() && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
      i++;
    }
    return text.substring(lineStart, i);
  }
}
