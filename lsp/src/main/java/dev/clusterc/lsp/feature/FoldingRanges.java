package dev.clusterc.lsp.feature;

import dev.clusterc.compiler.api.Navigator;
import dev.clusterc.compiler.api.OutlineItem;
import dev.clusterc.compiler.source.SourceFile;
import dev.clusterc.compiler.source.SourceSpan;
import dev.clusterc.lsp.workspace.Snapshot;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.eclipse.lsp4j.FoldingRange;
import org.eclipse.lsp4j.FoldingRangeKind;
import org.eclipse.lsp4j.FoldingRangeRequestParams;
import org.eclipse.lsp4j.jsonrpc.CancelChecker;

/**
 * Folding from the compiler's spans, never by counting brackets: every bracketed part the parser
 * read (a block of a declaration, {@code use}, template or entry, a map, a list, a template call, a
 * text block), runs of whole-line comments ({@code comment}) and runs of consecutive {@code use} and
 * {@code import} lines ({@code imports}). Only ranges over more than one line, one per start line
 * (the outermost); a part ends on the line before its closing bracket when that stands on a line of
 * its own, so the bracket stays visible when folded.
 */
public final class FoldingRanges {
  private FoldingRanges() {}

  public static List<FoldingRange> ranges(Snapshot snapshot, FoldingRangeRequestParams params, CancelChecker cancel) {
    Optional<Navigator> navigator = snapshot.navigator();
    Optional<String> path = snapshot.path(params.getTextDocument().getUri());
    if (navigator.isEmpty() || path.isEmpty()) {
      return List.of();
    }
    List<FoldingRange> ranges = new ArrayList<>();
    parts(navigator.get().foldable(path.get()), ranges);
    cancel.checkCanceled();
    imports(navigator.get().outline(path.get()), ranges);
    comments(navigator.get().comments(path.get()), ranges);
    ranges.sort(Comparator.comparingInt(FoldingRange::getStartLine).thenComparing(FoldingRange::getEndLine, Comparator.reverseOrder()));
    List<FoldingRange> outermost = new ArrayList<>();
    for (FoldingRange range : ranges) {
      if (outermost.isEmpty() || outermost.get(outermost.size() - 1).getStartLine() != range.getStartLine()) {
        outermost.add(range);
      }
    }
    return outermost;
  }

  private static void parts(List<SourceSpan> spans, List<FoldingRange> ranges) {
    for (SourceSpan span : spans) {
      int start = line(span.file(), span.start());
      int end = line(span.file(), Math.max(span.start(), span.end() - 1));
      if (closesOnItsOwnLine(span)) {
        end--;
      }
      if (end > start) {
        ranges.add(new FoldingRange(start, end));
      }
    }
  }

  /** Whether the span's last line holds nothing but closing brackets, quotes and commas (they then stay out of the fold). */
  private static boolean closesOnItsOwnLine(SourceSpan span) {
    String text = span.file().text();
    int last = Math.max(span.start(), span.end() - 1);
    int lineStart = text.lastIndexOf('\n', last - 1) + 1;
    String closing = text.substring(Math.max(lineStart, span.start()), Math.min(text.length(), span.end())).strip();
    return lineStart > span.start() && !closing.isEmpty() && closing.chars().allMatch(c -> "}])\",".indexOf(c) >= 0);
  }

  /** Runs of {@code use} and {@code import} items on consecutive lines. */
  private static void imports(List<OutlineItem> items, List<FoldingRange> ranges) {
    int start = -1;
    int end = -1;
    for (OutlineItem item : items) {
      boolean importing = item.keyword().equals("use") || item.keyword().equals("import");
      int first = line(item.span().file(), item.span().start());
      int last = line(item.span().file(), item.span().end());
      if (importing && start >= 0 && first <= end + 1) {
        end = last;
        continue;
      }
      addRun(start, end, FoldingRangeKind.Imports, ranges);
      start = importing ? first : -1;
      end = importing ? last : -1;
    }
    addRun(start, end, FoldingRangeKind.Imports, ranges);
  }

  /** Runs of comments that each fill their line (a comment after an entry does not start a run). */
  private static void comments(List<SourceSpan> comments, List<FoldingRange> ranges) {
    int start = -1;
    int end = -1;
    for (SourceSpan comment : comments) {
      SourceFile file = comment.file();
      int line = line(file, comment.start());
      int lineStart = file.text().lastIndexOf('\n', comment.start() - 1) + 1;
      boolean whole = file.text().substring(lineStart, comment.start()).isBlank();
      if (whole && start >= 0 && line == end + 1) {
        end = line;
        continue;
      }
      addRun(start, end, FoldingRangeKind.Comment, ranges);
      start = whole ? line : -1;
      end = whole ? line : -1;
    }
    addRun(start, end, FoldingRangeKind.Comment, ranges);
  }

  private static void addRun(int start, int end, String kind, List<FoldingRange> ranges) {
    if (start >= 0 && end > start) {
      FoldingRange range = new FoldingRange(start, end);
      range.setKind(kind);
      ranges.add(range);
    }
  }

  /** The 0-based line of an offset. */
  private static int line(SourceFile file, int offset) {
    return file.position(offset).line() - 1;
  }
}
