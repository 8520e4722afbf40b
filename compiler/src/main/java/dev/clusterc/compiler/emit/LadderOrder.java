package dev.clusterc.compiler.emit;

import dev.clusterc.compiler.emit.core.Unit;
import dev.clusterc.compiler.program.Program;
import dev.clusterc.compiler.rules.Layers;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The layer ladder as an order ({@code gitops flux { ordering ladder }}, the default): every unit
 * waits for everything on the lower layers, as the hand-written Flux trees of the seeds do (apps
 * wait for every controller), not only for what its real edges reach.
 *
 * <p>A layer's <em>tops</em> are its units that no other unit of the layer waits for; reaching them
 * reaches the whole layer, since edges never point up. A unit of a higher layer waits for its
 * same-layer real dependencies when it has any (they wait for the layer below already), otherwise
 * for the next lower non-empty layer: its one top, or, when it has several, a <em>barrier</em> —
 * an empty unit {@code layer.LAYER} that waits for the tops — so that a thousand apps over a
 * thousand volumes need a thousand and one edges, not a million. Real edges to lower layers are
 * then implied and left out: every {@code dependsOn} stays transitively reduced, and everything
 * follows from the units alone, so it is the same on every run.
 */
final class LadderOrder {
  /** Starts every barrier's name; declaration names are DNS labels, so none holds a dot. */
  static final String BARRIER_PREFIX = Layers.BARRIER_PREFIX;

  private LadderOrder() {}

  /**
   * Makes {@code units} (the cluster-wide unit excluded) wait for the lower layers, in place.
   *
   * @return the barriers to add to the units, lowest layer first
   */
  static List<Unit> apply(Program program, Unit cluster, List<Unit> units) {
    Map<Integer, List<Unit>> byLayer = new TreeMap<>();
    for (Unit unit : units) {
      if (unit != cluster) {
        byLayer.computeIfAbsent(program.layerIndex(unit.layer()), k -> new ArrayList<>()).add(unit);
      }
    }
    List<Unit> barriers = new ArrayList<>();
    List<Unit> below = null;
    String belowLayer = null;
    for (List<Unit> layer : byLayer.values()) {
      Set<Unit> members = identitySet(layer);
      if (below != null) {
        Unit target = below.size() == 1 ? below.get(0) : barrier(belowLayer, below, barriers);
        for (Unit unit : layer) {
          List<Unit> same = unit.dependsOn().stream().filter(members::contains).toList();
          unit.replaceDependencies(same.isEmpty() ? List.of(target) : same);
        }
      }
      below = tops(layer, members);
      belowLayer = layer.get(0).layer();
    }
    return barriers;
  }

  /** The units of a layer that no other unit of it waits for, by name. */
  private static List<Unit> tops(List<Unit> layer, Set<Unit> members) {
    Set<Unit> waitedFor = identitySet(List.of());
    for (Unit unit : layer) {
      unit.dependsOn().stream().filter(members::contains).forEach(waitedFor::add);
    }
    return layer.stream().filter(u -> !waitedFor.contains(u)).sorted(Comparator.comparing(Unit::name)).toList();
  }

  private static Unit barrier(String layer, List<Unit> tops, List<Unit> barriers) {
    Unit barrier = new Unit(barrierName(layer), layer, null);
    tops.forEach(barrier::dependOn);
    barriers.add(barrier);
    return barrier;
  }

  /** The barrier's name: {@link Layers#barrierName}, which the ladder keeps unique. */
  static String barrierName(String layer) {
    return Layers.barrierName(layer);
  }

  private static Set<Unit> identitySet(List<Unit> units) {
    Set<Unit> set = Collections.newSetFromMap(new IdentityHashMap<>());
    set.addAll(units);
    return set;
  }
}
