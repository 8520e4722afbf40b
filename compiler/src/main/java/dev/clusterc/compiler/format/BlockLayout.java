package dev.clusterc.compiler.format;

import dev.clusterc.compiler.syntax.Block;
import dev.clusterc.compiler.syntax.Entry;
import java.util.ArrayList;
import java.util.List;

/**
 * Blocks and their entries. A block written on one line, holding no comment and nothing that spans
 * lines, stays on one line when it fits ({@code { role worker; address 10.0.0.1 }}); any other block
 * gets one entry per line, and a run of single-line entries aligns its first arguments in one column.
 */
final class BlockLayout {
  /** A one-line block is kept only when its line is at most this wide. */
  static final int MAX_WIDTH = 100;

  private final Out out;
  private final OriginalText original;
  private final ValueLayout values;

  BlockLayout(Out out, OriginalText original, ValueLayout values) {
    this.out = out;
    this.original = original;
    this.values = values;
  }

  /**
   * The block on one line, or {@code null} when it must be written over several; the width is not
   * checked here. After an entry key, {@code {}} reads as an empty map, so an empty block is {@code {;}}.
   */
  String flat(Block block, boolean afterEntryKey) {
    boolean empty = block.entries().isEmpty();
    if (original.hasComment(block.span()) || (!empty && !original.onOneLine(block.span()))) {
      return null;
    }
    if (empty) {
      return afterEntryKey ? "{;}" : "{}";
    }
    List<String> entries = new ArrayList<>();
    for (Entry entry : block.entries()) {
      String text = flatEntry(entry);
      if (text == null) {
        return null;
      }
      entries.add(text);
    }
    return "{ " + String.join("; ", entries) + " }";
  }

  /** True when the one-line form of a block fits a line that already holds {@code column} characters. */
  static boolean fits(int column, Block block, String flat) {
    return block.entries().isEmpty() || column + flat.length() <= MAX_WIDTH;
  }

  /** Writes the block from the current column; its closing brace goes at {@code depth}. */
  void write(Block block, int depth, boolean afterEntryKey) {
    String flat = flat(block, afterEntryKey);
    if (flat != null && fits(out.column(), block, flat)) {
      out.append(flat);
      return;
    }
    out.append(afterEntryKey && block.entries().isEmpty() ? "{;" : "{");
    out.opened(block.span().start() + 1);
    writeEntries(block.entries(), depth + 1);
    out.closingLine(depth, block.span().end() - 1);
    out.append("}");
  }

  private void writeEntries(List<Entry> entries, int depth) {
    int[] argumentColumn = alignment(entries, depth);
    for (int i = 0; i < entries.size(); i++) {
      Entry entry = entries.get(i);
      out.line(depth, entry.span().start());
      if (argumentColumn[i] > 0) {
        out.append(singleLine(entry, argumentColumn[i]));
      } else {
        writeOverLines(entry, depth);
      }
      out.wrote(entry.span().end());
    }
  }

  /**
   * For each entry, the column (from the keyword) where its first argument goes when it is printed on
   * one line, or 0 when it spans lines. A run of single-line entries, not broken by a blank line or a
   * comment line, pads its keywords to the longest keyword among the entries with arguments, plus one.
   */
  private int[] alignment(List<Entry> entries, int depth) {
    int[] column = new int[entries.size()];
    int runStart = 0;
    for (int i = 0; i <= entries.size(); i++) {
      boolean single = i < entries.size() && isSingleLine(entries.get(i), depth);
      boolean joins = single && i > runStart && !separated(entries.get(i - 1), entries.get(i));
      if (!joins) {
        int width = 0;
        for (int j = runStart; j < i; j++) {
          if (!entries.get(j).args().isEmpty()) {
            width = Math.max(width, entries.get(j).key().text().length());
          }
        }
        for (int j = runStart; j < i; j++) {
          column[j] = Math.max(width, entries.get(j).key().text().length()) + 1;
        }
        runStart = single ? i : i + 1;
      }
    }
    return column;
  }

  private boolean isSingleLine(Entry entry, int depth) {
    String flat = flatEntry(entry);
    return flat != null && (entry.block() == null || fits(depth * Out.INDENT.length(), entry.block(), flat));
  }

  private boolean separated(Entry previous, Entry next) {
    int from = previous.span().end();
    int to = next.span().start();
    return original.blankLineBetween(from, to) || original.hasOwnLineComment(from, to);
  }

  private String flatEntry(Entry entry) {
    StringBuilder text = new StringBuilder(entry.key().text());
    if (!entry.args().isEmpty()) {
      String args = values.flatAll(entry.args());
      if (args == null) {
        return null;
      }
      text.append(' ').append(args);
    }
    if (entry.block() != null) {
      String block = flat(entry.block(), true);
      if (block == null) {
        return null;
      }
      text.append(' ').append(block);
    }
    return text.toString();
  }

  private String singleLine(Entry entry, int argumentColumn) {
    String key = entry.key().text();
    StringBuilder text = new StringBuilder(key);
    if (!entry.args().isEmpty()) {
      text.append(" ".repeat(Math.max(1, argumentColumn - key.length()))).append(values.flatAll(entry.args()));
    }
    if (entry.block() != null) {
      text.append(' ').append(flat(entry.block(), true));
    }
    return text.toString();
  }

  private void writeOverLines(Entry entry, int depth) {
    out.append(entry.key().text());
    for (var arg : entry.args()) {
      out.append(" ");
      values.write(arg, depth);
    }
    if (entry.block() != null) {
      out.append(" ");
      write(entry.block(), depth, true);
    }
  }
}
