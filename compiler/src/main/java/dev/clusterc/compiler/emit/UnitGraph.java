package dev.clusterc.compiler.emit;

import dev.clusterc.compiler.bind.Decl;
import dev.clusterc.compiler.emit.core.Unit;
import dev.clusterc.compiler.graph.Edge;
import dev.clusterc.compiler.program.Program;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The dependencies between units, from the declarations' real edges: an edge to a declaration that
 * emits nothing (a backup policy) passes through to what that one needs; the result is
 * transitively reduced, so each unit waits only on what no other dependency already covers. Units
 * are keyed by identity throughout, never by name.
 */
final class UnitGraph {
  private UnitGraph() {}

  static void connect(Program program, Map<Decl, Unit> units) {
    Map<Decl, Set<Decl>> needs = new IdentityHashMap<>();
    for (Edge edge : program.graph().edges()) {
      needs.computeIfAbsent(edge.from(), k -> new LinkedHashSet<>()).add(edge.to());
    }
    Map<Unit, Set<Unit>> direct = new IdentityHashMap<>();
    for (Map.Entry<Decl, Unit> entry : units.entrySet()) {
      Set<Unit> targets = new LinkedHashSet<>();
      collect(entry.getKey(), needs, units, targets, identitySet(), true);
      targets.remove(entry.getValue());
      direct.put(entry.getValue(), targets);
    }
    for (Unit unit : units.values()) {
      for (Unit target : reduce(unit, direct)) {
        unit.dependOn(target);
      }
    }
  }

  /** The units a declaration needs, looking through declarations whose unit is empty. */
  private static void collect(Decl from, Map<Decl, Set<Decl>> needs, Map<Decl, Unit> units, Set<Unit> out,
      Set<Decl> seen, boolean start) {
    if (!seen.add(from)) {
      return;
    }
    Unit unit = units.get(from);
    if (!start && unit != null && !unit.isEmpty()) {
      out.add(unit);
      return;
    }
    for (Decl to : needs.getOrDefault(from, Set.of())) {
      collect(to, needs, units, out, seen, false);
    }
  }

  /** The direct targets that are not reachable through another direct target. */
  private static List<Unit> reduce(Unit unit, Map<Unit, Set<Unit>> direct) {
    Set<Unit> targets = direct.getOrDefault(unit, Set.of());
    List<Unit> kept = new ArrayList<>();
    for (Unit target : targets) {
      boolean implied = false;
      for (Unit other : targets) {
        if (other != target && reaches(other, target, direct, identitySet())) {
          implied = true;
          break;
        }
      }
      if (!implied) {
        kept.add(target);
      }
    }
    return kept;
  }

  private static boolean reaches(Unit from, Unit to, Map<Unit, Set<Unit>> direct, Set<Unit> seen) {
    if (!seen.add(from)) {
      return false;
    }
    for (Unit next : direct.getOrDefault(from, Set.of())) {
      if (next == to || reaches(next, to, direct, seen)) {
        return true;
      }
    }
    return false;
  }

  /** Small to start with: one is made per declaration and per pair of targets, and most hold a few units. */
  private static <T> Set<T> identitySet() {
    return Collections.newSetFromMap(new IdentityHashMap<>(4));
  }
}
