package dev.clusterc.compiler.check;

import dev.clusterc.compiler.bind.Typed;
import dev.clusterc.compiler.diag.Code;
import dev.clusterc.compiler.diag.Diagnostic;
import dev.clusterc.compiler.program.Program;
import dev.clusterc.compiler.schema.Kind;
import java.util.List;
import java.util.function.Consumer;

/** The {@code size} of a volume or database is more than zero: a claim of nothing is refused by the API server. */
public final class SizeChecker implements Checker {
  @Override
  public void check(Program program, Consumer<Diagnostic> reportAll) {
    for (Kind kind : List.of(Kind.VOLUME, Kind.DATABASE)) {
      Written.each(program, kind, reportAll, (decl, body, exempt, report) ->
          body.typed("size", Typed.Qty.class).filter(q -> q.value().value().signum() <= 0).ifPresent(q -> report.accept(
              Diagnostic.error(Code.INVALID_VALUE, q.span(),
                  decl.label() + " has size " + q.span().text() + "; a size is more than zero"))));
    }
  }
}
