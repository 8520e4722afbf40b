package dev.clusterc.runtime.apply;

import dev.clusterc.runtime.kube.ObjectChange;
import dev.clusterc.runtime.model.Change;
import java.util.List;

/**
 * What applying a graph would do, unit by unit in dependency order: data for {@code clusterc plan}
 * and {@code diff} to print as text or JSON.
 *
 * @param units one per unit of the graph
 */
public record Plan(List<UnitPlan> units) {
  public Plan {
    units = List.copyOf(units);
  }

  /** Every object's change, in apply order. */
  public List<ObjectChange> changes() {
    return units.stream().flatMap(u -> u.changes().stream()).toList();
  }

  /** How many objects would get {@code change}. */
  public int count(Change change) {
    return (int) changes().stream().filter(c -> c.change() == change).count();
  }

  /** Whether applying would write anything ({@code diff} exits 1 then). */
  public boolean changesSomething() {
    return changes().stream().anyMatch(ObjectChange::drifted);
  }
}
