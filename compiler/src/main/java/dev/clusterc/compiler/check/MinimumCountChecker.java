package dev.clusterc.compiler.check;

import dev.clusterc.compiler.bind.Decl;
import dev.clusterc.compiler.diag.Code;
import dev.clusterc.compiler.diag.Diagnostic;
import dev.clusterc.compiler.model.App;
import dev.clusterc.compiler.model.Database;
import dev.clusterc.compiler.model.Volume;
import dev.clusterc.compiler.model.Written;
import dev.clusterc.compiler.program.Program;
import dev.clusterc.compiler.schema.Kind;
import java.util.function.Consumer;

/**
 * Counts a controller cannot run with: an app's {@code replicas} below 0, a volume's
 * {@code replicas} or a database's {@code instances} below 1. How many replicas are sensible is
 * {@link ReplicasChecker}'s.
 */
public final class MinimumCountChecker implements Checker {
  @Override
  public void check(Program program, Consumer<Diagnostic> reportAll) {
    SourceDecls.each(program, Kind.APP, reportAll, (decl, exempt, report) -> {
      App app = App.of(program.model(), decl);
      if (app.replicasSpan() != null && app.replicas() < 0) {
        report.accept(Diagnostic.error(Code.INVALID_VALUE, app.replicasSpan(),
            decl.label() + " has " + app.replicas() + " replicas; replicas are 0 or more"));
      }
    });
    SourceDecls.each(program, Kind.VOLUME, reportAll,
        (decl, exempt, report) -> atLeast(decl, Volume.of(program.model(), decl).replicas(), "replicas", report));
    SourceDecls.each(program, Kind.DATABASE, reportAll,
        (decl, exempt, report) -> atLeast(decl, Database.of(program.model(), decl).instances(), "instances", report));
  }

  /** A count of volume replicas or database instances, when written, is at least one. */
  private static void atLeast(Decl decl, Written<Long> count, String what, Consumer<Diagnostic> report) {
    if (count != null && count.isWritten() && count.value() < 1) {
      report.accept(Diagnostic.error(Code.INVALID_VALUE, count.span(), decl.label() + " has " + count.value() + " " + what + "; "
          + decl.kind().withArticle() + " needs at least 1"));
    }
  }
}
