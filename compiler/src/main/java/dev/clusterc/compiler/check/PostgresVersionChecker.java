package dev.clusterc.compiler.check;

import dev.clusterc.compiler.diag.Code;
import dev.clusterc.compiler.diag.Diagnostic;
import dev.clusterc.compiler.model.Database;
import dev.clusterc.compiler.model.Written;
import dev.clusterc.compiler.program.Program;
import dev.clusterc.compiler.schema.Kind;
import java.util.function.Consumer;

/** A database's {@code version} is a PostgreSQL major version that CloudNativePG's images ship: 13 to 18. */
public final class PostgresVersionChecker implements Checker {
  @Override
  public void check(Program program, Consumer<Diagnostic> reportAll) {
    SourceDecls.each(program, Kind.DATABASE, reportAll, (decl, exempt, report) ->
    {
      Written<Long> version = Database.of(program.model(), decl).version();
      if (version.isWritten() && (version.value() < 13 || version.value() > 18)) {
        report.accept(Diagnostic.error(Code.INVALID_VALUE, version.span(),
                decl.label() + " asks for PostgreSQL " + version.value() + "; the supported versions are 13–18")
            .withHint("use a version from 13 to 18 (17 when `version` is left out)"));
      }
    });
  }
}
