package dev.clusterc.compiler.check;

import dev.clusterc.compiler.bind.BoundBlock;
import dev.clusterc.compiler.bind.Decl;
import dev.clusterc.compiler.bind.Typed;
import dev.clusterc.compiler.diag.Code;
import dev.clusterc.compiler.diag.Diagnostic;
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
    Written.each(program, Kind.APP, reportAll, (decl, body, exempt, report) ->
        body.typed("replicas", Typed.Int.class).filter(r -> r.value() < 0).ifPresent(r -> report.accept(
            Diagnostic.error(Code.INVALID_VALUE, r.span(),
                decl.label() + " has " + r.value() + " replicas; replicas are 0 or more"))));
    Written.each(program, Kind.VOLUME, reportAll, (decl, body, exempt, report) -> atLeast(decl, body, "replicas", 1, report));
    Written.each(program, Kind.DATABASE, reportAll, (decl, body, exempt, report) -> atLeast(decl, body, "instances", 1, report));
  }

  private static void atLeast(Decl decl, BoundBlock body, String key, int least, Consumer<Diagnostic> report) {
    body.typed(key, Typed.Int.class).filter(n -> n.value() < least).ifPresent(n -> report.accept(
        Diagnostic.error(Code.INVALID_VALUE, n.span(), decl.label() + " has " + n.value() + " " + key + "; "
            + decl.kind().withArticle() + " needs at least " + least)));
  }
}
