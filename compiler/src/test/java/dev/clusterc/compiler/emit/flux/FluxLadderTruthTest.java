package dev.clusterc.compiler.emit.flux;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.clusterc.compiler.emit.Compilation;
import dev.clusterc.compiler.emit.Examples;
import dev.clusterc.compiler.emit.ManifestCompiler;
import dev.clusterc.compiler.emit.core.EmitContext;
import dev.clusterc.compiler.emit.core.Unit;
import dev.clusterc.compiler.kube.KubeObject;
import dev.clusterc.compiler.model.Cluster;
import dev.clusterc.compiler.model.GitOps;
import dev.clusterc.compiler.program.Program;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * What kustomize-controller does with {@code dependsOn}, read back from the Kustomizations of every
 * example: it waits for each named Kustomization in {@code flux-system} to be Ready, so a name that
 * no Kustomization has blocks the unit for ever, and a cycle blocks every unit on it. And what the
 * seeds' hand-written ladders promise: walking {@code dependsOn} transitively, every unit reaches
 * every unit of every lower layer, unless the cluster asks for {@code ordering edges}. The layer of
 * a Kustomization is read from its {@code path} ({@code ./PATH/LAYER/UNIT}), as a reader of the tree
 * would, not from the compiler's units.
 */
class FluxLadderTruthTest {
  @TestFactory
  Stream<DynamicTest> everyExamplesKustomizationsHonourTheLadder() {
    List<Path> examples = Examples.compilable();
    assertFalse(examples.isEmpty());
    return examples.stream().map(example -> DynamicTest.dynamicTest(example.getFileName().toString(), () -> {
      Program program = Examples.program(example);
      Compilation compilation = ManifestCompiler.compile(program);
      Map<String, List<String>> dependsOn = new LinkedHashMap<>();
      Map<String, Integer> layer = new LinkedHashMap<>();
      Map<String, List<String>> units = new LinkedHashMap<>();
      compilation.units().forEach(u -> units.put(u.name(), u.dependsOn().stream().map(Unit::name).toList()));
      Map<String, KubeObject> kustomizations = kustomizations(compilation.flux());
      if (kustomizations.isEmpty()) {
        // No Flux: what a runtime (or Argo CD) orders by is the units' own dependsOn, which must hold the same.
        assertTrue(FluxSettings.of(new EmitContext(program)).isEmpty());
        dependsOn.putAll(units);
        compilation.units().forEach(u -> layer.put(u.name(), program.layerIndex(u.layer())));
      }
      for (KubeObject kustomization : kustomizations.values()) {
        String name = kustomization.name();
        dependsOn.put(name, names(kustomization));
        String[] path = ((String) spec(kustomization).get("path")).split("/");
        int index = program.layerIndex(path[path.length - 2]);
        assertTrue(index >= 0, name + ": the path's layer " + path[path.length - 2] + " is on the ladder");
        layer.put(name, index);
      }
      if (!kustomizations.isEmpty()) {
        assertEquals(units, dependsOn, "the Flux dependsOn and the compiled units' dependencies (the runtime's) agree");
      }
      for (Map.Entry<String, List<String>> entry : dependsOn.entrySet()) {
        for (String target : entry.getValue()) {
          assertTrue(dependsOn.containsKey(target), entry.getKey() + " depends on " + target + ", which no Kustomization is");
        }
        assertFalse(reach(entry.getKey(), dependsOn).contains(entry.getKey()), entry.getKey() + " is on a dependsOn cycle");
      }
      boolean ladder = Cluster.of(program.model()).map(Cluster::gitops).map(GitOps::ladder).orElse(true);
      if (!ladder) {
        return;
      }
      for (String unit : dependsOn.keySet()) {
        Set<String> reached = reach(unit, dependsOn);
        for (String lower : dependsOn.keySet()) {
          if (layer.get(lower) < layer.get(unit)) {
            assertTrue(reached.contains(lower), unit + " (layer " + program.ladder().get(layer.get(unit))
                + ") does not wait for " + lower + " (layer " + program.ladder().get(layer.get(lower)) + ")");
          }
        }
      }
    }));
  }

  /** Kustomizations by name, each name once (two of one name would be one object to Flux). */
  private static Map<String, KubeObject> kustomizations(List<KubeObject> flux) {
    Map<String, KubeObject> byName = new LinkedHashMap<>();
    for (KubeObject object : flux) {
      if (object.kind().equals("Kustomization")) {
        assertEquals("flux-system", object.namespace());
        assertEquals(null, byName.put(object.name(), object), "two Kustomizations named " + object.name());
      }
    }
    return byName;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> spec(KubeObject object) {
    return (Map<String, Object>) object.get("spec");
  }

  @SuppressWarnings("unchecked")
  private static List<String> names(KubeObject kustomization) {
    Object list = spec(kustomization).get("dependsOn");
    List<String> names = new ArrayList<>();
    if (list != null) {
      for (Object item : (List<Object>) list) {
        Map<String, Object> ref = (Map<String, Object>) item;
        assertTrue(ref.get("namespace") == null || "flux-system".equals(ref.get("namespace")));
        names.add((String) ref.get("name"));
      }
    }
    return names;
  }

  /** Every Kustomization {@code from} waits for, directly or not. */
  private static Set<String> reach(String from, Map<String, List<String>> dependsOn) {
    Set<String> seen = new HashSet<>();
    List<String> todo = new ArrayList<>(dependsOn.getOrDefault(from, List.of()));
    while (!todo.isEmpty()) {
      String next = todo.remove(todo.size() - 1);
      if (seen.add(next)) {
        todo.addAll(dependsOn.getOrDefault(next, List.of()));
      }
    }
    return seen;
  }
}
