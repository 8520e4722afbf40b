package dev.clusterc.compiler.check;

import dev.clusterc.compiler.diag.Code;
import dev.clusterc.compiler.diag.Diagnostic;
import dev.clusterc.compiler.model.Pool;
import dev.clusterc.compiler.program.Program;
import dev.clusterc.compiler.schema.Kind;
import java.util.function.Consumer;

/** A pool hands out addresses from at least one {@code range}; without one it is {@code missing-property}. */
public final class PoolRangeChecker implements Checker {
  @Override
  public void check(Program program, Consumer<Diagnostic> reportAll) {
    SourceDecls.each(program, Kind.POOL, reportAll, (decl, exempt, report) -> {
      Pool pool = Pool.of(program.model(), decl);
      if (pool.ranges().isEmpty() && !pool.rejectedRange() && !exempt) {
        report.accept(Diagnostic.error(Code.MISSING_PROPERTY, decl.site(), decl.label() + " has no `range`")
            .withHint("add `range FIRST..LAST` or `range CIDR`: the addresses the pool hands out"));
      }
    });
  }
}
