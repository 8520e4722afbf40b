package dev.clusterc.compiler.load;

import dev.clusterc.compiler.diag.Code;
import dev.clusterc.compiler.diag.Diagnostic;
import dev.clusterc.compiler.source.SourceSpan;
import java.util.List;

/** Where the syntax errors are, so that passes can stay quiet about declarations they broke. */
public final class SyntaxErrors {
  private final List<SourceSpan> spans;

  public SyntaxErrors(List<Diagnostic> diagnostics) {
    this.spans = diagnostics.stream().filter(d -> d.code() == Code.SYNTAX).map(Diagnostic::span).toList();
  }

  /** Whether a syntax error lies inside {@code span}. */
  public boolean within(SourceSpan span) {
    for (SourceSpan error : spans) {
      if (error.file() == span.file() && error.start() >= span.start() && error.start() <= span.end()) {
        return true;
      }
    }
    return false;
  }
}
