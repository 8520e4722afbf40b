package dev.clusterc.runtime.inventory;

import dev.clusterc.runtime.events.RunListener;
import dev.clusterc.runtime.model.ObjectId;
import dev.clusterc.runtime.model.UnitGraph;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.Optional;
import java.util.Set;

/**
 * The inventory of one cluster, as the engine uses it around an apply:
 * <ol>
 *   <li>{@link #widen} before applying: the parent (created the first time) records old ∪ new, so an
 *   apply interrupted half-way leaves nothing unrecorded;</li>
 *   <li>{@link #member} on every desired object before it is applied (plan included);</li>
 *   <li>{@link #prune} after every unit applied successfully (never after a failed apply: a skipped
 *   unit's objects would look unwanted);</li>
 *   <li>{@link #narrow} after prune: the parent records what is really there, the graph's objects and
 *   what prune kept or failed to delete.</li>
 * </ol>
 * {@code plan} calls {@link #planPrune} instead, which writes nothing. A parent another tool owns is
 * refused everywhere with an {@link InventoryException}.
 */
public final class ApplySetInventory {
  private final KubernetesClient client;
  private final ApplySetParent parent;
  private final InventoryStore store;
  private Optional<ConfigMap> current = Optional.empty();
  private boolean fetched;

  /** The inventory of {@code cluster} (parent {@code kube-system/clusterc-<cluster>}), written as {@code tooling}. */
  public ApplySetInventory(KubernetesClient client, String cluster, Tooling tooling) {
    this(client, ApplySetParent.forCluster(cluster), tooling);
  }

  /** The inventory kept in {@code parent}. */
  public ApplySetInventory(KubernetesClient client, ApplySetParent parent, Tooling tooling) {
    this.client = client;
    this.parent = parent;
    this.store = new InventoryStore(client, parent, tooling);
  }

  public ApplySetParent parent() {
    return parent;
  }

  /** A copy of {@code desired} labelled as a member of the set; see {@link MemberLabel#label}. */
  public GenericKubernetesResource member(GenericKubernetesResource desired) {
    return MemberLabel.label(desired, parent.id());
  }

  /** The records on the cluster now (none before the first apply). One GET; writes nothing. */
  public InventoryRecords read() {
    current = store.fetch();
    fetched = true;
    return store.read(current);
  }

  /** Before applying: records old ∪ {@code graph}'s objects (a write only if that changes the parent). */
  public InventoryRecords widen(UnitGraph graph) {
    read();
    InventoryRecords wanted = InventoryRecords.of(graph);
    return written(store.update(current, records -> records.union(wanted)));
  }

  /** What prune would do, deleting and writing nothing; each decision is reported to {@code listener}. */
  public PruneResult planPrune(UnitGraph graph, boolean pruneData, RunListener listener) {
    return new Pruner(client).run(read(), graph.objectIds(), parent.id(), pruneData, false, listener);
  }

  /** After a complete apply: deletes the recorded objects {@code graph} no longer wants (see {@link PrunePlanner}). */
  public PruneResult prune(UnitGraph graph, boolean pruneData, RunListener listener) {
    InventoryRecords recorded = fetched ? store.read(current) : read();
    return new Pruner(client).run(recorded, graph.objectIds(), parent.id(), pruneData, true, listener);
  }

  /** After prune: the parent records {@code graph}'s objects and what {@code pruned} kept or failed to delete. */
  public InventoryRecords narrow(UnitGraph graph, PruneResult pruned) {
    if (!fetched) {
      read();
    }
    InventoryRecords wanted = InventoryRecords.of(graph);
    Set<ObjectId> dropped = pruned.dropped();
    return written(store.update(current, records -> records.filter(r -> !dropped.contains(r.object()))
        .union(wanted)));
  }

  private InventoryRecords written(InventoryStore.Written written) {
    current = written.parent();
    return written.records();
  }
}
