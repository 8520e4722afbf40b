package dev.clusterc.runtime.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The units of one cluster and the edges between them: what the runtime brings a live cluster to.
 * Built once and checked: unit names are unique, every dependency names a unit of the graph, there
 * is no cycle, and no object belongs to two units.
 *
 * @param cluster the cluster's name: it names the inventory that records what was applied
 * @param units in an order where every unit comes after the units it depends on
 */
public record UnitGraph(String cluster, List<Unit> units) {

  public UnitGraph {
    units = List.copyOf(units);
    Map<String, Unit> byName = new LinkedHashMap<>();
    Map<ObjectId, String> owner = new HashMap<>();
    for (Unit unit : units) {
      if (byName.putIfAbsent(unit.name(), unit) != null) {
        throw new IllegalArgumentException("two units are named " + unit.name());
      }
      for (ObjectId id : unit.objectIds()) {
        String other = owner.putIfAbsent(id, unit.name());
        if (other != null) {
          throw new IllegalArgumentException(id + " belongs to both " + other + " and " + unit.name());
        }
      }
    }
    Set<String> seen = new TreeSet<>();
    for (Unit unit : units) {
      for (String dependency : unit.dependencies()) {
        if (!byName.containsKey(dependency)) {
          throw new IllegalArgumentException(unit.name() + " depends on " + dependency + ", which is not a unit");
        }
        if (!seen.contains(dependency)) {
          throw new IllegalArgumentException(unit.name() + " comes before " + dependency
              + ", which it depends on (a cycle, or units out of order)");
        }
      }
      seen.add(unit.name());
    }
  }

  /** The unit named {@code name}. */
  public Unit unit(String name) {
    return units.stream().filter(u -> u.name().equals(name)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no unit " + name));
  }

  /** The units that depend on {@code name} directly, in graph order. */
  public List<Unit> dependents(String name) {
    List<Unit> dependents = new ArrayList<>();
    for (Unit unit : units) {
      if (unit.dependencies().contains(name)) {
        dependents.add(unit);
      }
    }
    return Collections.unmodifiableList(dependents);
  }

  /** Every object id of every unit. */
  public Set<ObjectId> objectIds() {
    Set<ObjectId> ids = new TreeSet<>();
    units.forEach(u -> ids.addAll(u.objectIds()));
    return ids;
  }

  /** How many objects the units hold. */
  public int objectCount() {
    return units.stream().mapToInt(u -> u.objects().size()).sum();
  }
}
