package dev.clusterc.compiler.check;

import dev.clusterc.compiler.diag.Diagnostic;
import dev.clusterc.compiler.program.Program;
import java.util.function.Consumer;

/** One invariant of a cluster, checked over the whole program. */
public interface Checker {
  void check(Program program, Consumer<Diagnostic> report);
}
