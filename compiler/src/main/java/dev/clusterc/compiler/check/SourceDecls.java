package dev.clusterc.compiler.check;

import dev.clusterc.compiler.bind.Decl;
import dev.clusterc.compiler.diag.Diagnostic;
import dev.clusterc.compiler.program.Program;
import dev.clusterc.compiler.schema.Kind;
import java.util.function.Consumer;

/**
 * The declarations of one kind written in the cluster's sources (not the standard library's), for
 * the checkers of rules on what they hold (each reads the declaration's lowered record). Each
 * comes with whether a syntax error lies inside it (a missing entry is then not reported: the
 * parser may have lost it) and a report that places what it is given where the user can edit it
 * ({@link Sites#placed}).
 */
final class SourceDecls {
  /** What a checker does with one declaration. */
  interface Visit {
    void accept(Decl decl, boolean exempt, Consumer<Diagnostic> report);
  }

  private SourceDecls() {}

  static void each(Program program, Kind kind, Consumer<Diagnostic> report, Visit visit) {
    SyntaxErrorIndex syntaxErrors = null;
    for (Decl decl : program.decls(kind)) {
      if (decl.isStd() || decl.body() == null) {
        continue;
      }
      if (syntaxErrors == null) {
        syntaxErrors = SyntaxErrorIndex.of(program);
      }
      boolean exempt = syntaxErrors.within(decl.source().span());
      visit.accept(decl, exempt, found -> report.accept(Sites.placed(program, decl, found)));
    }
  }
}
