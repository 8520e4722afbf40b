package dev.clusterc.compiler.check;

import dev.clusterc.compiler.diag.Code;
import dev.clusterc.compiler.diag.Diagnostic;
import dev.clusterc.compiler.program.Program;
import dev.clusterc.compiler.source.SourceSpan;
import dev.clusterc.compiler.syntax.SourceUnit;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Where the syntax errors are, per file, sorted: answers "is there one inside this declaration?" by
 * binary search, so that asking it for every declaration of a file full of errors stays fast.
 */
final class SyntaxErrorIndex {
  private final Map<String, int[]> starts;

  private SyntaxErrorIndex(Map<String, int[]> starts) {
    this.starts = starts;
  }

  static SyntaxErrorIndex of(Program program) {
    Map<String, int[]> starts = new HashMap<>();
    for (SourceUnit unit : program.units()) {
      int[] offsets = unit.diagnostics().stream().filter(d -> d.code() == Code.SYNTAX)
          .map(Diagnostic::span).mapToInt(SourceSpan::start).sorted().toArray();
      starts.merge(unit.file().path(), offsets, (a, b) -> {
        int[] both = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        Arrays.sort(both);
        return both;
      });
    }
    return new SyntaxErrorIndex(starts);
  }

  /** Whether a syntax error starts inside {@code span} (its end included). */
  boolean within(SourceSpan span) {
    int[] offsets = starts.get(span.file().path());
    if (offsets == null || offsets.length == 0) {
      return false;
    }
    int at = Arrays.binarySearch(offsets, span.start());
    if (at >= 0) {
      return true;
    }
    int next = -at - 1;
    return next < offsets.length && offsets[next] <= span.end();
  }
}
