package dev.clusterc.compiler.api;

import dev.clusterc.compiler.bind.Decl;
import dev.clusterc.compiler.emit.Compilation;
import dev.clusterc.compiler.emit.CompileRefusedException;
import dev.clusterc.compiler.emit.ManifestCompiler;
import dev.clusterc.compiler.emit.core.ChartRenderer;
import dev.clusterc.compiler.emit.core.ObjectOrder;
import dev.clusterc.compiler.emit.core.Unit;
import dev.clusterc.compiler.program.Program;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The Kubernetes objects each declaration compiles to, from one compile of an analysis: every unit
 * names the declaration it deploys, so its objects are that declaration's. Charts are not rendered
 * ({@link ChartRenderer#OFFLINE}, as {@code check} emits): an editor must not wait for the network,
 * so a component of a cluster without {@code gitops} lists none of its chart's objects.
 */
final class DeclarationObjects {
  private final Map<Decl, List<ObjectRef>> byDecl = new IdentityHashMap<>();

  private DeclarationObjects(Compilation compilation) {
    for (Unit unit : compilation.units()) {
      if (unit.decl() != null) {
        byDecl.put(unit.decl(), ObjectOrder.applyOrder(unit.objects()).stream().map(ObjectRef::of).toList());
      }
    }
  }

  /** Compiles {@code program}; empty when it has errors, declares no cluster, or compiling refuses. */
  static Optional<DeclarationObjects> of(Program program) {
    if (program.hasErrors() || program.cluster().isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(new DeclarationObjects(ManifestCompiler.compile(program, ChartRenderer.OFFLINE)));
    } catch (CompileRefusedException e) {
      return Optional.empty();
    }
  }

  /** The objects of a declaration in apply order; empty for one that compiles to none (a node, a template). */
  List<ObjectRef> of(Decl decl) {
    return byDecl.getOrDefault(decl, List.of());
  }
}
