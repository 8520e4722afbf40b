package dev.clusterc.lsp.workspace;

import dev.clusterc.compiler.source.SourceFile;
import dev.clusterc.compiler.source.SourceSpan;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;

/**
 * Converts between the compiler's places (offsets, 1-based lines and columns) and the protocol's
 * (0-based lines and characters). Both count columns in UTF-16 units, so only the origin differs.
 */
public final class Ranges {
  private Ranges() {}

  /** The protocol range of a span. */
  public static Range range(SourceSpan span) {
    return new Range(position(span.file(), span.start()), position(span.file(), span.end()));
  }

  /** The protocol position of an offset in a file. */
  public static Position position(SourceFile file, int offset) {
    var p = file.position(offset);
    return new Position(p.line() - 1, p.column() - 1);
  }

  /** The compiler's 1-based position for a protocol position. */
  public static dev.clusterc.compiler.source.Position compiler(Position position) {
    return new dev.clusterc.compiler.source.Position(position.getLine() + 1, position.getCharacter() + 1);
  }

  /** The offset of a protocol position in a file, clamped into the text. */
  public static int offset(SourceFile file, Position position) {
    return file.offset(position.getLine() + 1, position.getCharacter() + 1);
  }

  /** The span a protocol range covers in a file, clamped into the text. */
  public static SourceSpan span(SourceFile file, Range range) {
    int start = offset(file, range.getStart());
    int end = Math.max(start, offset(file, range.getEnd()));
    return new SourceSpan(file, start, end);
  }
}
