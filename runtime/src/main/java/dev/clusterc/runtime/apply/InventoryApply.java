package dev.clusterc.runtime.apply;

import dev.clusterc.runtime.events.RunListener;
import dev.clusterc.runtime.inventory.ApplySetInventory;
import dev.clusterc.runtime.inventory.PruneResult;
import dev.clusterc.runtime.model.Unit;
import dev.clusterc.runtime.model.UnitGraph;

/**
 * The inventory's part in an apply ({@link InventoryHook}) through the cluster's ApplySet: the graph's
 * objects are labelled as members and the parent widened before the first write; after a complete
 * run, what is recorded but no longer wanted is pruned and the parent narrowed.
 */
final class InventoryApply implements InventoryHook {
  private final ApplySetInventory inventory;
  private final boolean pruneData;
  private final RunListener listener;

  InventoryApply(ApplySetInventory inventory, boolean pruneData, RunListener listener) {
    this.inventory = inventory;
    this.pruneData = pruneData;
    this.listener = listener;
  }

  /** {@code graph} with every object labelled as a member of {@code inventory}'s set. */
  static UnitGraph labelled(UnitGraph graph, ApplySetInventory inventory) {
    return new UnitGraph(graph.cluster(), graph.units().stream()
        .map(u -> new Unit(u.name(), u.layer(), u.declaration(), u.objects().stream().map(inventory::member).toList(),
            u.dependencies(), u.healthGates()))
        .toList());
  }

  @Override
  public UnitGraph beforeApply(UnitGraph graph) {
    inventory.widen(graph);
    return graph;
  }

  @Override
  public Pruned afterApply(UnitGraph graph, RunSummary summary) {
    PruneResult pruned = inventory.prune(graph, pruneData, listener);
    inventory.narrow(graph, pruned);
    return new Pruned(pruned.deletes().size() - pruned.failures().size(), pruned.failures().size());
  }
}
