package dev.clusterc.compiler.emit;

import dev.clusterc.compiler.graph.Edge;
import dev.clusterc.compiler.program.Decl;
import dev.clusterc.compiler.program.Program;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The dependencies between units, from the declarations' real edges: an edge to a declaration that
 * emits nothing (a backup policy) passes through to what that one needs; the result is
 * transitively reduced, so each unit waits only on what no other dependency already covers.
 */
final class UnitGraph {
  private UnitGraph() {}

  static void connect(Program program, Map<Decl, Unit> units) {
    Map<Decl, Set<Decl>> needs = new IdentityHashMap<>();
    for (Edge edge : program.graph().edges()) {
      needs.computeIfAbsent(edge.from(), k -> new LinkedHashSet<>()).add(edge.to());
    }
    Map<String, Set<String>> direct = new HashMap<>();
    for (Map.Entry<Decl, Unit> entry : units.entrySet()) {
      Set<String> targets = new LinkedHashSet<>();
      collect(entry.getKey(), needs, units, targets, new HashSet<>(), true);
      targets.remove(entry.getValue().name());
      direct.put(entry.getValue().name(), targets);
    }
    for (Unit unit : units.values()) {
      for (String target : reduce(unit.name(), direct)) {
        unit.dependOn(target);
      }
    }
  }

  /** The units a declaration needs, looking through declarations whose unit is empty. */
  private static void collect(Decl from, Map<Decl, Set<Decl>> needs, Map<Decl, Unit> units, Set<String> out,
      Set<Decl> seen, boolean start) {
    if (!seen.add(from)) {
      return;
    }
    Unit unit = units.get(from);
    if (!start && unit != null && !unit.isEmpty()) {
      out.add(unit.name());
      return;
    }
    for (Decl to : needs.getOrDefault(from, Set.of())) {
      collect(to, needs, units, out, seen, false);
    }
  }

  /** The direct targets that are not reachable through another direct target. */
  private static List<String> reduce(String unit, Map<String, Set<String>> direct) {
    Set<String> targets = direct.getOrDefault(unit, Set.of());
    List<String> kept = new ArrayList<>();
    for (String target : targets) {
      boolean implied = false;
      for (String other : targets) {
        if (!other.equals(target) && reaches(other, target, direct, new HashSet<>())) {
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

  private static boolean reaches(String from, String to, Map<String, Set<String>> direct, Set<String> seen) {
    if (!seen.add(from)) {
      return false;
    }
    for (String next : direct.getOrDefault(from, Set.of())) {
      if (next.equals(to) || reaches(next, to, direct, seen)) {
        return true;
      }
    }
    return false;
  }
}
