package dev.clusterc.compiler.emit;

import dev.clusterc.compiler.program.Decl;
import dev.clusterc.compiler.program.Program;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;

/**
 * Compiles a checked program: one unit per layered declaration, filled by its kind's emitter, the
 * cluster-wide unit, the dependencies between units, and the Flux objects that deploy them. Units
 * come out in apply order: by layer, then by dependency, then by name.
 */
public final class ManifestCompiler {
  private ManifestCompiler() {}

  /** Compiles a program whose sources were read relative to the current directory (as the command line reads them). */
  public static Compilation compile(Program program) {
    return compile(program, Path.of(""));
  }

  /**
   * Compiles a program; {@code workingDirectory} is no longer used: the files declarations name were
   * read during analysis, relative to the program's own working directory ({@code Program#files}).
   */
  public static Compilation compile(Program program, Path workingDirectory) {
    if (program.hasErrors() || program.cluster().isEmpty()) {
      throw new IllegalArgumentException("only a cluster without errors compiles");
    }
    EmitContext context = new EmitContext(program);
    Map<Decl, Unit> units = new LinkedHashMap<>();
    Map<String, Integer> namesPerLayer = new HashMap<>();
    program.graph().nodes().forEach(d -> namesPerLayer.merge(d.layer() + "/" + d.name(), 1, Integer::sum));
    for (Decl decl : program.graph().nodes()) {
      boolean clash = namesPerLayer.get(decl.layer() + "/" + decl.name()) > 1 || decl.name().equals("cluster");
      Unit unit = new Unit(clash ? decl.kind().keyword() + "-" + decl.name() : decl.name(), decl.layer(), decl);
      units.put(decl, unit);
      context.register(decl, unit);
    }
    for (Map.Entry<Decl, Unit> entry : units.entrySet()) {
      Emitters.of(entry.getKey().kind()).ifPresent(emitter -> emitter.emit(entry.getKey(), context, entry.getValue()));
    }
    UnitGraph.connect(program, units);
    Unit cluster = ClusterEmitter.emit(program, context, units.values(), program.ladder().get(0));
    List<Unit> kept = new ArrayList<>();
    kept.add(cluster);
    for (Unit unit : units.values()) {
      if (!unit.isEmpty()) {
        if (unit.dependsOn().isEmpty()) {
          unit.dependOn(cluster.name());
        }
        kept.add(unit);
      }
    }
    List<Unit> ordered = applyOrder(program, kept);
    return new Compilation(program.cluster().get().name(), List.copyOf(ordered), FluxEmitter.emit(program, context, ordered),
        VipEmitter.talosPatches(program));
  }

  /** Kahn's algorithm, taking the lowest layer (then the name) among the units that are ready. */
  private static List<Unit> applyOrder(Program program, List<Unit> units) {
    Map<String, Unit> byName = new LinkedHashMap<>();
    units.forEach(u -> byName.put(u.name(), u));
    Map<String, Integer> waiting = new HashMap<>();
    Map<String, List<Unit>> dependents = new HashMap<>();
    for (Unit unit : units) {
      List<String> present = unit.dependsOn().stream().filter(byName::containsKey).toList();
      waiting.put(unit.name(), present.size());
      present.forEach(d -> dependents.computeIfAbsent(d, k -> new ArrayList<>()).add(unit));
    }
    PriorityQueue<Unit> ready = new PriorityQueue<>(Comparator
        .comparingInt((Unit u) -> u.name().equals("cluster") ? -1 : program.layerIndex(u.layer()))
        .thenComparing(Unit::name));
    units.stream().filter(u -> waiting.get(u.name()) == 0).forEach(ready::add);
    List<Unit> ordered = new ArrayList<>();
    while (!ready.isEmpty()) {
      Unit next = ready.poll();
      ordered.add(next);
      for (Unit dependent : dependents.getOrDefault(next.name(), List.of())) {
        if (waiting.merge(dependent.name(), -1, Integer::sum) == 0) {
          ready.add(dependent);
        }
      }
    }
    if (ordered.size() != units.size()) {
      throw new IllegalStateException("the units have a dependency cycle, which the checker rules out");
    }
    return ordered;
  }
}
