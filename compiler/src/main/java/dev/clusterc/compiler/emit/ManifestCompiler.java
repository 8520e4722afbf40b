package dev.clusterc.compiler.emit;

import dev.clusterc.compiler.bind.Decl;
import dev.clusterc.compiler.diag.Diagnostic;
import dev.clusterc.compiler.charts.HelmChartRenderer;
import dev.clusterc.compiler.emit.core.ChartRenderer;
import dev.clusterc.compiler.emit.core.Deployer;
import dev.clusterc.compiler.emit.argocd.ApplicationEmitter;
import dev.clusterc.compiler.emit.argocd.ArgoCdObjects;
import dev.clusterc.compiler.emit.core.EmitContext;
import dev.clusterc.compiler.emit.core.Unit;
import dev.clusterc.compiler.emit.flux.FluxEmitter;
import dev.clusterc.compiler.emit.flux.FluxSettings;
import dev.clusterc.compiler.emit.incluster.RuntimeUnitEmitter;
import dev.clusterc.compiler.emit.network.VipEmitter;
import dev.clusterc.compiler.model.Cluster;
import dev.clusterc.compiler.model.GitOps;
import dev.clusterc.compiler.program.Program;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;

/**
 * Compiles a checked program: one unit per layered declaration, filled by its kind's emitter, the
 * cluster-wide unit, the dependencies between units — the real edges ({@link UnitGraph}) and, unless
 * {@code gitops flux { ordering edges }}, the ladder ({@link LadderOrder}) — and the Flux objects (or
 * Argo CD Applications) that deploy them, or, with {@code gitops clusterc}, the unit of clusterc's own
 * runtime ({@link RuntimeUnitEmitter}). Units come out in apply order: by layer, then by dependency,
 * then by name.
 */
public final class ManifestCompiler {
  private ManifestCompiler() {}

  /**
   * What {@code compile} would still refuse in a program: empty when it has errors already (or no
   * cluster), or compiles. Emitting is the only way to see two units applying one object, so
   * {@code check} calls this to say what {@code compile} will say. Charts are not rendered here
   * ({@link ChartRenderer#OFFLINE}): {@code check} needs no network.
   */
  public static List<Diagnostic> refusals(Program program) {
    if (program.hasErrors() || program.cluster().isEmpty()) {
      return List.of();
    }
    return clashes(orderedUnits(program, Emission.of(program, ChartRenderer.OFFLINE).emitAll()));
  }

  /**
   * Compiles a checked program. The files its declarations name were read during analysis
   * ({@code Program#files}), so compiling opens no file.
   *
   * @throws CompileRefusedException when two units would apply one object, or a chart of a cluster
   *     without {@code gitops} cannot be fetched or rendered
   */
  public static Compilation compile(Program program) {
    return compile(program, Emission.of(program));
  }

  /** {@link #compile(Program)} with the charts rendered by {@code charts}. */
  public static Compilation compile(Program program, ChartRenderer charts) {
    return compile(program, Emission.of(program, charts));
  }

  /**
   * {@link #compile(Program)} for direct delivery whatever the cluster's {@code gitops} names: charts
   * rendered into plain objects (by the Helm library), no Flux or Argo CD object, as for a cluster
   * without {@code gitops}. What a runtime applies itself.
   */
  public static Compilation compileDirect(Program program) {
    return compile(program, HelmChartRenderer.fromEnvironment(), Deployer.DIRECT);
  }

  /** {@link #compile(Program)} for {@code deployer}, whatever the cluster's {@code gitops} names, with the charts rendered by {@code charts}. */
  public static Compilation compile(Program program, ChartRenderer charts, Deployer deployer) {
    return compile(program, Emission.of(program, charts, deployer));
  }

  private static Compilation compile(Program program, Emission unfilled) {
    if (program.hasErrors() || program.cluster().isEmpty()) {
      throw new IllegalArgumentException("only a cluster without errors compiles");
    }
    Emission emission = unfilled.emitAll();
    List<Diagnostic> unrendered = new ArrayList<>(emission.context().refusals());
    if (!unrendered.isEmpty()) {
      unrendered.sort(Diagnostic.ORDER);
      throw new CompileRefusedException(unrendered);
    }
    List<Unit> ordered = orderedUnits(program, emission);
    List<Diagnostic> clashes = clashes(ordered);
    if (!clashes.isEmpty()) {
      throw new CompileRefusedException(clashes);
    }
    String name = program.cluster().get().name();
    FluxSettings gitops = FluxSettings.of(emission.context()).orElse(null);
    Map<String, String> talos = VipEmitter.talosPatches(program);
    ArgoCdObjects argocd = ApplicationEmitter.emit(program, emission.context(), ordered).orElse(null);
    String path = argocd != null ? argocd.settings().path() : Compilation.path(name, gitops);
    List<NextStep> steps = argocd != null ? ArgoCdNextSteps.of(program, path, argocd, talos)
        : NextSteps.of(program, path, gitops, ordered, talos);
    return new Compilation(name, List.copyOf(ordered), FluxEmitter.emit(program, emission.context(), ordered), talos, gitops,
        steps, argocd);
  }

  /** Two units applying one object, sorted; empty when there are none. */
  private static List<Diagnostic> clashes(List<Unit> ordered) {
    List<Diagnostic> clashes = SharedObjects.clashes(ordered);
    clashes.sort(Diagnostic.ORDER);
    return clashes;
  }

  /** Every non-empty unit, filled by its kind's emitter and connected, in apply order. */
  private static List<Unit> orderedUnits(Program program, Emission emission) {
    Map<Decl, Unit> units = emission.units();
    UnitGraph.connect(program, units);
    Unit cluster = ClusterEmitter.emit(program, emission.context(), units.values(), program.ladder().get(0));
    List<Unit> kept = new ArrayList<>();
    kept.add(cluster);
    for (Unit unit : units.values()) {
      if (!unit.isEmpty()) {
        if (unit.dependsOn().isEmpty()) {
          unit.dependOn(cluster);
        }
        kept.add(unit);
      }
    }
    boolean ladder = Cluster.of(program.model()).map(Cluster::gitops).map(GitOps::ladder).orElse(true);
    if (ladder) {
      kept.addAll(LadderOrder.apply(program, cluster, kept));
    }
    // gitops clusterc: the runtime's own unit, after the ladder so that no unit waits for it
    RuntimeUnitEmitter.emit(program, emission.context(), kept, program.ladder().get(0)).ifPresent(runtime -> {
      runtime.dependOn(cluster);
      kept.add(runtime);
    });
    return applyOrder(program, cluster, kept);
  }

  /**
   * Kahn's algorithm, taking the cluster-wide unit first, then the lowest layer, then the name (unique
   * in the cluster) among the units that are ready. Units are keyed by identity, never by name.
   */
  private static List<Unit> applyOrder(Program program, Unit cluster, List<Unit> units) {
    Set<Unit> present = Collections.newSetFromMap(new IdentityHashMap<>());
    present.addAll(units);
    Map<Unit, Integer> waiting = new IdentityHashMap<>();
    Map<Unit, List<Unit>> dependents = new IdentityHashMap<>();
    for (Unit unit : units) {
      List<Unit> needed = unit.dependsOn().stream().filter(present::contains).toList();
      waiting.put(unit, needed.size());
      needed.forEach(d -> dependents.computeIfAbsent(d, k -> new ArrayList<>()).add(unit));
    }
    Map<Unit, Integer> rank = new IdentityHashMap<>();
    for (Unit unit : units) {
      rank.put(unit, unit == cluster ? -1 : program.layerIndex(unit.layer()));
    }
    PriorityQueue<Unit> ready = new PriorityQueue<>(Comparator.comparingInt((Unit u) -> rank.get(u))
        .thenComparing(Unit::name));
    units.stream().filter(u -> waiting.get(u) == 0).forEach(ready::add);
    List<Unit> ordered = new ArrayList<>();
    while (!ready.isEmpty()) {
      Unit next = ready.poll();
      ordered.add(next);
      for (Unit dependent : dependents.getOrDefault(next, List.of())) {
        if (waiting.merge(dependent, -1, Integer::sum) == 0) {
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
