package dev.clusterc.runtime.apply;

import dev.clusterc.runtime.model.UnitGraph;

/**
 * Where the inventory (ApplySet) joins an apply: before the first object is applied it labels the
 * objects as members and widens the inventory to what was recorded plus what is wanted; after the
 * run it prunes what is recorded but no longer wanted and narrows the inventory.
 */
public interface InventoryHook {
  /** An apply without inventory: nothing labelled, nothing pruned. */
  InventoryHook NONE = new InventoryHook() {
    @Override
    public UnitGraph beforeApply(UnitGraph graph) {
      return graph;
    }

    @Override
    public Pruned afterApply(UnitGraph graph, RunSummary summary) {
      return Pruned.NONE;
    }
  };

  /** Widens the inventory to what is recorded and what {@code graph} wants; returns the graph to apply. */
  UnitGraph beforeApply(UnitGraph graph);

  /**
   * Prunes and narrows the inventory after a run that was neither stopped nor failed (the runner
   * does not call it otherwise: a partial run must not prune); returns how many objects were pruned and
   * how many deletes failed. An exception is reported by the runner as one prune failure.
   */
  Pruned afterApply(UnitGraph graph, RunSummary summary);
}
