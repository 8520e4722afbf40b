package dev.clusterc.runtime.apply;

import dev.clusterc.runtime.events.RunListener;
import dev.clusterc.runtime.inventory.ApplySetInventory;
import dev.clusterc.runtime.inventory.Consequence;
import dev.clusterc.runtime.inventory.PruneResult;
import dev.clusterc.runtime.inventory.Risk;
import dev.clusterc.runtime.inventory.Tooling;
import dev.clusterc.runtime.model.ObjectId;
import dev.clusterc.runtime.model.UnitGraph;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A whole cluster brought to a graph, with its inventory: {@link #review} plans every object and the
 * prune and says the consequences; {@link #apply} reviews first, refuses consequences whose flag is
 * missing before anything is written, then labels the objects as members of the cluster's ApplySet,
 * widens it, applies the units ({@link GraphApplier}; objects the review found unchanged are not sent
 * again), prunes and narrows.
 */
public final class ClusterApply {
  private final KubernetesClient client;
  private final Tooling tooling;
  private volatile GraphApplier running;
  private volatile GraphPlanner planning;
  private volatile boolean cancelled;

  /**
   * @param client the connection
   * @param version clusterc's version, recorded in the ApplySet's tooling annotation
   */
  public ClusterApply(KubernetesClient client, String version) {
    this.client = client;
    this.tooling = Tooling.clusterc(version);
  }

  /**
   * What applying {@code graph} would do; writes nothing. The prune's decisions go to {@code listener}
   * as {@code ObjectDone} events (PRUNED or KEPT).
   *
   * @throws dev.clusterc.runtime.inventory.InventoryException when the inventory cannot be used (another
   *     tool's parent) or the graph is empty while objects are recorded
   * @throws PlanStopped when {@link #cancel()} stopped it
   */
  public Review review(UnitGraph graph, int parallelism, boolean pruneData, RunListener listener) {
    ApplySetInventory inventory = new ApplySetInventory(client, graph.cluster(), tooling);
    return review(InventoryApply.labelled(graph, inventory), inventory, parallelism, pruneData, Set.of(), listener);
  }

  /**
   * Applies {@code graph}: see the class comment. Events go to {@code listener}; the last is
   * {@code Finished}.
   *
   * @param allowed the risks the user accepted with their flags
   * @throws ConsequencesRefused when the review finds a consequence not allowed; nothing was written
   */
  public RunSummary apply(UnitGraph graph, ApplyOptions options, boolean pruneData, Set<Risk> allowed,
      RunListener listener) {
    return apply(graph, options, pruneData, allowed, Set.of(), listener);
  }

  /**
   * {@link #apply(UnitGraph, ApplyOptions, boolean, Set, RunListener)} for a reconciler that applied
   * the same desired objects before: the objects in {@code settled} are reported UNCHANGED without a
   * read, a dry run or a write, and a unit made only of them is not waited for. {@code graph} is still
   * the whole desired graph: what it lacks is pruned.
   *
   * @param settled objects whose desired state equals what was applied last and that did not drift
   */
  public RunSummary apply(UnitGraph graph, ApplyOptions options, boolean pruneData, Set<Risk> allowed,
      Set<ObjectId> settled, RunListener listener) {
    ApplySetInventory inventory = new ApplySetInventory(client, graph.cluster(), tooling);
    UnitGraph members = InventoryApply.labelled(graph, inventory);
    GraphApplier applier = new GraphApplier(client, options, new LiveHealthGate(client),
        new InventoryApply(inventory, pruneData, listener), listener);
    Review review;
    try {
      review = review(members, inventory, options.parallelism(), pruneData, settled, RunListener.NONE);
    } catch (PlanStopped e) {
      applier.cancel();
      return applier.apply(members);
    }
    List<Consequence> refused = review.refused(allowed);
    if (!refused.isEmpty()) {
      throw new ConsequencesRefused(refused);
    }
    running = applier;
    if (cancelled) {
      applier.cancel();
    }
    return applier.apply(members, review.plan(), settled);
  }

  /**
   * Stops a run (Ctrl-C), from any thread. A review in progress stops planning and throws
   * {@link PlanStopped}; an apply still reviewing writes nothing and returns a stopped summary (every
   * unit skipped); an apply applying stops between objects, and a re-create already deleting still
   * creates. A review or apply started after this stops at once.
   */
  public void cancel() {
    cancelled = true;
    GraphPlanner planner = planning;
    if (planner != null) {
      planner.cancel();
    }
    GraphApplier applier = running;
    if (applier != null) {
      applier.cancel();
    }
  }

  private Review review(UnitGraph members, ApplySetInventory inventory, int parallelism, boolean pruneData,
      Set<ObjectId> settled, RunListener listener) {
    GraphPlanner planner = new GraphPlanner(client, parallelism);
    planning = planner;
    if (cancelled) {
      planner.cancel();
    }
    GraphPlanner.Assessed assessed = planner.assess(members, settled);
    PruneResult prune = inventory.planPrune(members, pruneData, listener);
    List<Consequence> consequences = new ArrayList<>(assessed.consequences());
    consequences.addAll(prune.consequences());
    return new Review(assessed.plan(), prune, consequences);
  }
}
