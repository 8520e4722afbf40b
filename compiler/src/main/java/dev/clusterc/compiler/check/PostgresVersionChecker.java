package dev.clusterc.compiler.check;

import dev.clusterc.compiler.bind.Typed;
import dev.clusterc.compiler.diag.Code;
import dev.clusterc.compiler.diag.Diagnostic;
import dev.clusterc.compiler.program.Program;
import dev.clusterc.compiler.schema.Kind;
import java.util.function.Consumer;

/** A database's {@code version} is a PostgreSQL major version that CloudNativePG's images ship: 13 to 18. */
public final class PostgresVersionChecker implements Checker {
  @Override
  public void check(Program program, Consumer<Diagnostic> reportAll) {
    Written.each(program, Kind.DATABASE, reportAll, (decl, body, exempt, report) ->
        body.typed("version", Typed.Int.class).filter(v -> v.value() < 13 || v.value() > 18).ifPresent(v -> report.accept(
            Diagnostic.error(Code.INVALID_VALUE, v.span(),
                    decl.label() + " asks for PostgreSQL " + v.value() + "; the supported versions are 13–18")
                .withHint("use a version from 13 to 18 (17 when `version` is left out)"))));
  }
}
