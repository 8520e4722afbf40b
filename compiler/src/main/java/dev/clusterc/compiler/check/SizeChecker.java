package dev.clusterc.compiler.check;

import dev.clusterc.compiler.bind.Decl;
import dev.clusterc.compiler.diag.Code;
import dev.clusterc.compiler.diag.Diagnostic;
import dev.clusterc.compiler.model.Database;
import dev.clusterc.compiler.model.Volume;
import dev.clusterc.compiler.model.Written;
import dev.clusterc.compiler.program.Program;
import dev.clusterc.compiler.schema.Kind;
import dev.clusterc.compiler.types.Quantity;
import java.util.function.Consumer;

/** The {@code size} of a volume or database is more than zero: a claim of nothing is refused by the API server. */
public final class SizeChecker implements Checker {
  @Override
  public void check(Program program, Consumer<Diagnostic> reportAll) {
    SourceDecls.each(program, Kind.VOLUME, reportAll,
        (decl, exempt, report) -> positive(decl, Volume.of(program.model(), decl).size(), report));
    SourceDecls.each(program, Kind.DATABASE, reportAll,
        (decl, exempt, report) -> positive(decl, Database.of(program.model(), decl).size(), report));
  }

  private static void positive(Decl decl, Written<Quantity> size, Consumer<Diagnostic> report) {
    if (size != null && size.isWritten() && size.value().value().signum() <= 0) {
      report.accept(Diagnostic.error(Code.INVALID_VALUE, size.span(),
          decl.label() + " has size " + size.span().text() + "; a size is more than zero"));
    }
  }
}
