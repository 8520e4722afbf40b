package dev.clusterc.compiler.api;

import dev.clusterc.compiler.bind.Decl;
import dev.clusterc.compiler.emit.CompileRefusedException;
import dev.clusterc.compiler.emit.Emission;
import dev.clusterc.compiler.emit.ManifestCompiler;
import dev.clusterc.compiler.emit.core.ChartRenderer;
import dev.clusterc.compiler.emit.core.ObjectOrder;
import dev.clusterc.compiler.emit.core.Unit;
import dev.clusterc.compiler.kube.KubeObject;
import dev.clusterc.compiler.program.Program;
import dev.clusterc.compiler.schema.Kind;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The Kubernetes objects each declaration compiles to, emitted one declaration at a time, when
 * asked: an editor hovers one name, and emitting a whole cluster of a thousand apps takes a second
 * where one declaration takes milliseconds. A declaration's objects are all that its kind's emitter
 * adds, to its own unit or to another (a secret's ExternalSecret lands in the unit of the app that
 * reads it). The cluster's own objects (its Namespaces, {@code cluster-settings}) depend on every
 * other unit, so they come from a whole compile, made only when the cluster's name is asked about.
 *
 * <p>Charts are not rendered ({@link ChartRenderer#OFFLINE}, as {@code check} emits): an editor must
 * not wait for the network, so a component of a cluster without {@code gitops} lists none of its
 * chart's objects. Clashes between units, which only a whole compile sees, are not looked for.
 */
final class DeclarationObjects {
  private final Program program;
  private final Emission emission;
  private final Map<Decl, List<ObjectRef>> emitted = new IdentityHashMap<>();

  private DeclarationObjects(Program program) {
    this.program = program;
    this.emission = Emission.of(program, ChartRenderer.OFFLINE);
  }

  /** Ready to emit {@code program}'s declarations; empty when it has errors or declares no cluster. */
  static Optional<DeclarationObjects> of(Program program) {
    if (program.hasErrors() || program.cluster().isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new DeclarationObjects(program));
  }

  /** The objects of a declaration in apply order; empty for one that compiles to none (a node, a template). */
  synchronized List<ObjectRef> of(Decl decl) {
    List<ObjectRef> known = emitted.get(decl);
    if (known == null) {
      known = decl.kind() == Kind.CLUSTER ? clusterWide(decl) : emit(decl);
      emitted.put(decl, known);
    }
    return known;
  }

  /** Emits one declaration into the shared units and takes what its emitter added anywhere. */
  private List<ObjectRef> emit(Decl decl) {
    Map<Decl, Unit> units = emission.units();
    if (!units.containsKey(decl)) {
      return List.of();
    }
    Map<Unit, Integer> before = new IdentityHashMap<>();
    units.values().forEach(u -> before.put(u, u.objects().size()));
    emission.emit(decl);
    List<KubeObject> added = new ArrayList<>();
    for (Unit unit : units.values()) {
      List<KubeObject> objects = unit.objects();
      added.addAll(objects.subList(before.get(unit), objects.size()));
    }
    return refs(added);
  }

  private List<ObjectRef> clusterWide(Decl cluster) {
    try {
      return ManifestCompiler.compile(program, ChartRenderer.OFFLINE).units().stream().filter(u -> u.decl() == cluster)
          .findFirst().map(u -> refs(u.objects())).orElse(List.of());
    } catch (CompileRefusedException e) {
      return List.of();
    }
  }

  private static List<ObjectRef> refs(List<KubeObject> objects) {
    return ObjectOrder.applyOrder(objects).stream().map(ObjectRef::of).toList();
  }
}
