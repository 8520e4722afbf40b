package dev.clusterc.compiler.check;

import dev.clusterc.compiler.diag.Code;
import dev.clusterc.compiler.diag.Diagnostic;
import dev.clusterc.compiler.graph.Edge;
import dev.clusterc.compiler.program.Program;
import dev.clusterc.compiler.schema.Kind;
import java.util.function.Consumer;

/** {@code layer-violation}: an edge may only point to the same or a lower layer. */
public final class LayeringChecker implements Checker {
  @Override
  public void check(Program program, Consumer<Diagnostic> report) {
    for (Edge edge : program.graph().edges()) {
      int from = program.layerIndex(edge.from().layer());
      int to = program.layerIndex(edge.to().layer());
      if (from < 0 || to < 0 || to <= from) {
        continue;
      }
      boolean capability = edge.to().kind() == Kind.COMPONENT && !edge.reason().equals("depends on");
      String relation = capability
          ? "needs " + edge.to().label() + " (it " + edge.reason() + ")"
          : edge.reason() + " " + edge.to().label();
      report.accept(Diagnostic.error(Code.LAYER_VIOLATION, edge.span(),
              edge.from().label() + " on layer `" + edge.from().layer() + "` " + relation
                  + ", which is on the higher layer `" + edge.to().layer() + "`")
          .withHint("a declaration may only need the same or a lower layer: move " + edge.to().label()
              + " down with `layer " + edge.from().layer() + "`, or " + edge.from().label() + " up")
          .withRelated(edge.to().site(), edge.to().label() + " is declared here"));
    }
  }
}
