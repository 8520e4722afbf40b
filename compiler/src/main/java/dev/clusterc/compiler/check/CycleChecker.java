package dev.clusterc.compiler.check;

import dev.clusterc.compiler.diag.Code;
import dev.clusterc.compiler.diag.Diagnostic;
import dev.clusterc.compiler.diag.Severity;
import dev.clusterc.compiler.graph.Edge;
import dev.clusterc.compiler.program.Program;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** {@code dependency-cycle}: the graph must be acyclic; the cycle is printed in full. */
public final class CycleChecker implements Checker {
  @Override
  public void check(Program program, Consumer<Diagnostic> report) {
    for (List<Edge> cycle : program.graph().cycles()) {
      StringBuilder path = new StringBuilder(cycle.get(0).from().label());
      for (Edge edge : cycle) {
        path.append(" → ").append(edge.to().label());
      }
      // One list of notes, not one copy per note: a cycle may run through thousands of declarations.
      List<Diagnostic.Related> notes = new ArrayList<>();
      for (Edge edge : cycle.subList(1, cycle.size())) {
        notes.add(new Diagnostic.Related(edge.span(), edge.from().label() + " " + edge.reason() + " " + edge.to().label()));
      }
      report.accept(new Diagnostic(Severity.ERROR, Code.DEPENDENCY_CYCLE, cycle.get(0).span(), "dependency cycle: " + path,
          "nothing in a cycle can start first; remove one of these dependencies", notes));
    }
  }
}
