package dev.clusterc.compiler.syntax;

import dev.clusterc.compiler.diag.Diagnostic;
import dev.clusterc.compiler.source.SourceFile;
import java.util.List;

/**
 * One parsed file: its items, its comments (for the formatter) and the syntax diagnostics found
 * while parsing. Parsing never throws; a broken file still yields a unit.
 */
public record SourceUnit(SourceFile file, List<Item> items, List<Comment> comments, List<Diagnostic> diagnostics) {
  /** A {@code #} comment; {@code text} includes the {@code #}. */
  public record Comment(int offset, String text) {}

  public boolean hasErrors() {
    return diagnostics.stream().anyMatch(Diagnostic::isError);
  }
}
