package dev.clusterc.runtime.watch;

import dev.clusterc.runtime.apply.ClusterApply;
import dev.clusterc.runtime.apply.PlanStopped;
import dev.clusterc.runtime.apply.RunSummary;
import dev.clusterc.runtime.events.RunListener;
import dev.clusterc.runtime.inventory.ApplySetParent;
import dev.clusterc.runtime.inventory.MemberLabel;
import dev.clusterc.runtime.kube.ObjectChange;
import dev.clusterc.runtime.kube.RequestFailure;
import dev.clusterc.runtime.model.ObjectId;
import dev.clusterc.runtime.model.Unit;
import dev.clusterc.runtime.model.UnitGraph;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * One reconcile's apply of a {@link Desired}: the objects equal to what was applied last are settled
 * (not planned again), the others carry the new revision, and {@link ClusterApply} applies the whole
 * graph, so what it lacks is pruned. Remembers what was applied ({@link AppliedObjects}) when every
 * unit was applied (even if a prune failed); after a run that did not complete it forgets what the run
 * wrote, so those objects are planned again next time. Objects found unchanged keep the revision their
 * live object carries. What self-heal keeps is always part of the new desired graph.
 */
final class RevisionApply {

  /**
   * What a reconcile did.
   *
   * @param summary the run's summary, or {@code null} when it stopped or failed before applying
   * @param error why it failed, or {@code null}
   * @param stopped whether {@link #cancel()} stopped it
   * @param written the objects it wrote
   * @param keep the objects, labelled as members, that self-heal keeps from now on, all of them in the
   *     new desired graph; {@code null} when the run failed or stopped before applying anything
   */
  record Outcome(RunSummary summary, String error, boolean stopped, Set<ObjectId> written,
      Map<ObjectId, GenericKubernetesResource> keep) {
    boolean ok() {
      return error == null && !stopped;
    }
  }

  private final KubernetesClient client;
  private final String version;
  private final WatchOptions options;
  private final RunListener runs;
  private final AppliedObjects applied = new AppliedObjects();
  private volatile ClusterApply running;
  private volatile boolean cancelled;

  RevisionApply(KubernetesClient client, String version, WatchOptions options, RunListener runs) {
    this.client = client;
    this.version = version;
    this.options = options;
    this.runs = runs;
  }

  /** Stops a running apply between objects, and any later one at once; from any thread. */
  void cancel() {
    cancelled = true;
    ClusterApply apply = running;
    if (apply != null) {
      apply.cancel();
    }
  }

  /** Applies {@code desired}; {@code full}: plan every object, as after a start or a resume. */
  Outcome run(Desired desired, boolean full) {
    UnitGraph wanted = desired.graph();
    Set<ObjectId> settled = full ? Set.of() : applied.settled(wanted);
    UnitGraph sent = applied.stamp(wanted, desired.revision(), settled);
    ClusterApply apply = new ClusterApply(client, version);
    running = apply;
    if (cancelled) {
      apply.cancel();
    }
    RunSummary summary;
    try {
      summary = apply.apply(sent, options.apply(), options.pruneData(), options.allowed(), settled, runs);
    } catch (PlanStopped e) {
      return new Outcome(null, null, true, Set.of(), null);
    } catch (KubernetesClientException e) {
      forgetPlanned(wanted, settled);
      return new Outcome(null, RequestFailure.describe(e), false, Set.of(), null);
    } catch (RuntimeException e) { // refused consequences or object, an inventory that cannot be used
      forgetPlanned(wanted, settled);
      return new Outcome(null, e.getMessage(), false, Set.of(), null);
    } finally {
      running = null;
    }
    Set<ObjectId> written = summary.changes().stream().filter(ObjectChange::drifted).map(ObjectChange::object)
        .collect(Collectors.toCollection(TreeSet::new));
    Set<ObjectId> reached = summary.changes().stream().map(ObjectChange::object).collect(Collectors.toSet());
    String cluster = wanted.cluster();
    UnitGraph kept = liveRevisions(sent, cluster, summary, settled);
    if (summary.succeeded()) {
      // every desired object was applied; a failed prune only leaves extra objects recorded, tried again
      applied.applied(kept);
      return new Outcome(summary, summary.pruneFailures() == 0 ? null : describe(summary), false, written,
          members(cluster, applied.sent()));
    }
    // what it wrote is not what is remembered for it any more: planned again next time, whatever is desired
    applied.forget(written);
    Map<ObjectId, GenericKubernetesResource> keep = members(cluster, partly(kept, reached));
    return new Outcome(summary, summary.stopped() ? null : describe(summary), summary.stopped(), written, keep);
  }

  /**
   * After a run that failed without a summary: whatever it may have written of the objects it planned
   * is unknown, so none of them stays remembered (they differ from what was applied last anyway, so
   * this costs nothing unless a later revision goes back to that state, which is then applied again).
   */
  private void forgetPlanned(UnitGraph wanted, Set<ObjectId> settled) {
    Set<ObjectId> planned = new HashSet<>(wanted.objectIds());
    planned.removeAll(settled);
    applied.forget(planned);
  }

  /** How many objects were applied last. */
  int objects() {
    return applied.size();
  }

  /** Why a run did not succeed, in one line. */
  private static String describe(RunSummary summary) {
    List<String> reasons = new ArrayList<>();
    summary.failed().forEach((unit, why) -> reasons.add("unit " + unit + " failed: " + why));
    if (reasons.isEmpty()) {
      summary.skipped().forEach((unit, why) -> reasons.add("unit " + unit + " skipped: " + why));
    }
    if (summary.pruneFailures() > 0) {
      reasons.add(summary.pruneFailures() + " prune(s) failed; what was not pruned stays recorded");
    }
    return String.join("; ", reasons);
  }

  /** {@code objects} labelled as members of the cluster's set. */
  private static Map<ObjectId, GenericKubernetesResource> members(String cluster,
      Map<ObjectId, GenericKubernetesResource> objects) {
    String setId = ApplySetParent.forCluster(cluster).id();
    Map<ObjectId, GenericKubernetesResource> members = new LinkedHashMap<>();
    objects.forEach((id, object) -> members.put(id, MemberLabel.label(object, setId)));
    return members;
  }

  /**
   * After a run that did not complete: what self-heal keeps, only objects of the new desired graph
   * (an object it lacks is being pruned, and must not come back): those the run {@code reached}
   * (applied, or found unchanged) as sent now, the others as applied before; one never applied is
   * not kept.
   */
  private Map<ObjectId, GenericKubernetesResource> partly(UnitGraph sent, Set<ObjectId> reached) {
    Map<ObjectId, GenericKubernetesResource> objects = new LinkedHashMap<>();
    sent.units().forEach(u -> u.objects().forEach(o -> {
      ObjectId id = ObjectId.of(o);
      GenericKubernetesResource before = applied.sent(id);
      if (reached.contains(id)) {
        objects.put(id, o);
      } else if (before != null) {
        objects.put(id, before);
      }
    }));
    return objects;
  }

  /**
   * {@code sent} with the objects the run found unchanged though they were planned (every object
   * after a start) carrying the revision their live object carries: they were not written, so it is
   * still the one that last changed them, and what is remembered and healed for them must keep it.
   */
  private UnitGraph liveRevisions(UnitGraph sent, String cluster, RunSummary summary, Set<ObjectId> settled) {
    Set<ObjectId> unchanged = summary.changes().stream().filter(c -> !c.drifted()).map(ObjectChange::object)
        .filter(id -> !settled.contains(id)).collect(Collectors.toSet());
    if (unchanged.isEmpty() || summary.stopped()) {
      return sent; // a stopped run is closing: no reads then
    }
    List<GenericKubernetesResource> objects = sent.units().stream().flatMap(u -> u.objects().stream())
        .filter(o -> unchanged.contains(ObjectId.of(o))).toList();
    Map<ObjectId, Optional<String>> live = LiveRevisions.read(client, ApplySetParent.forCluster(cluster).id(), objects);
    return new UnitGraph(sent.cluster(), sent.units().stream()
        .map(u -> new Unit(u.name(), u.layer(), u.declaration(), u.objects().stream()
            .map(o -> {
              Optional<String> revision = live.get(ObjectId.of(o));
              return revision == null ? o : AppliedObjects.withRevision(o, revision.orElse(null));
            })
            .toList(), u.dependencies(), u.healthGates()))
        .toList());
  }
}
