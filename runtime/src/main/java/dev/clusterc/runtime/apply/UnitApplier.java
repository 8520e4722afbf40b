package dev.clusterc.runtime.apply;

import dev.clusterc.runtime.events.RunEvent;
import dev.clusterc.runtime.events.RunListener;
import dev.clusterc.runtime.kube.ObjectApplier;
import dev.clusterc.runtime.kube.ObjectChange;
import dev.clusterc.runtime.kube.ObjectRefused;
import dev.clusterc.runtime.kube.RequestFailure;
import dev.clusterc.runtime.kube.StagingWait;
import dev.clusterc.runtime.model.Change;
import dev.clusterc.runtime.model.ObjectId;
import dev.clusterc.runtime.model.Unit;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Applies one unit: its first stage (CRDs, Namespaces, {@code *Class} kinds), a wait until those
 * are usable, the rest of its objects, then a wait until its health gates are healthy. Stops
 * between objects when the run is cancelled; the whole unit has {@link ApplyOptions#unitTimeout()}.
 */
final class UnitApplier {
  private final ObjectApplier objects;
  private final StagingWait staging;
  private final HealthGate health;
  private final ApplyOptions options;
  private final RunListener listener;
  private final Cancellation cancellation;
  private final Map<ObjectId, GenericKubernetesResource> byId;
  private final Set<ObjectId> unchanged;
  private final Set<ObjectId> settled;

  /**
   * @param unchanged objects a review just found unchanged: reported so, without a request
   * @param settled objects known unchanged since an earlier apply: a unit made only of them is not
   *     waited for
   */
  UnitApplier(ObjectApplier objects, StagingWait staging, HealthGate health, ApplyOptions options,
      RunListener listener, Cancellation cancellation, Map<ObjectId, GenericKubernetesResource> byId,
      Set<ObjectId> unchanged, Set<ObjectId> settled) {
    this.unchanged = unchanged;
    this.settled = settled;
    this.objects = objects;
    this.staging = staging;
    this.health = health;
    this.options = options;
    this.listener = listener;
    this.cancellation = cancellation;
    this.byId = byId;
  }

  UnitOutcome apply(Unit unit) {
    long start = System.nanoTime();
    long deadline = start + options.unitTimeout().toNanos();
    List<ObjectChange> changes = new ArrayList<>();
    listener.on(new RunEvent.UnitStarted(unit.name(), unit.layer()));
    UnitStages stages = UnitStages.of(unit);
    String failure = applyAll(unit, stages.first(), changes);
    if (failure == null && !cancellation.requested()) {
      // a settled Namespace or CRD was usable when applied and has not changed since: not read again
      List<GenericKubernetesResource> prerequisites = stages.first().stream().filter(StagingWait::needsWait)
          .filter(o -> !settled.contains(ObjectId.of(o))).toList();
      if (!prerequisites.isEmpty()) {
        List<String> pending = staging.await(prerequisites, remaining(deadline), cancellation::requested);
        if (!pending.isEmpty() && !cancellation.requested()) {
          failure = "timed out after " + seconds(start) + " waiting: " + String.join("; ", pending);
        }
      }
    }
    if (failure == null) {
      failure = applyAll(unit, stages.rest(), changes);
    }
    if (failure == null && !cancellation.requested() && !settled.containsAll(unit.objectIds())) {
      failure = awaitHealth(unit, start, deadline);
    }
    if (cancellation.requested() && failure == null) {
      return new UnitOutcome(unit.name(), changes, null, true);
    }
    if (failure != null) {
      listener.on(new RunEvent.UnitFailed(unit.name(), failure));
      return new UnitOutcome(unit.name(), changes, failure, false);
    }
    listener.on(new RunEvent.UnitReady(unit.name(), Duration.ofNanos(System.nanoTime() - start)));
    return new UnitOutcome(unit.name(), changes, null, false);
  }

  /** Applies {@code list} in order until one fails (its message returned) or the run is cancelled. */
  private String applyAll(Unit unit, List<GenericKubernetesResource> list, List<ObjectChange> changes) {
    for (GenericKubernetesResource object : list) {
      if (cancellation.requested()) {
        return null;
      }
      try {
        ObjectId id = ObjectId.of(object);
        ObjectChange change = unchanged.contains(id) ? new ObjectChange(id, Change.UNCHANGED, "", "", List.of())
            : objects.apply(object, options.flags(), cancellation::requested);
        changes.add(change);
        listener.on(new RunEvent.ObjectDone(unit.name(), change.object(), change.change(), change.detail()));
      } catch (ObjectRefused e) {
        return e.getMessage();
      } catch (KubernetesClientException e) {
        String message = RequestFailure.describe(e);
        return ObjectId.of(object) + ": " + message;
      }
    }
    return null;
  }

  private String awaitHealth(Unit unit, long start, long deadline) {
    List<GenericKubernetesResource> gates = new ArrayList<>();
    for (ObjectId id : unit.healthGates()) {
      GenericKubernetesResource gate = byId.get(id);
      if (gate == null) {
        return "health gate " + id + " is no object of the graph";
      }
      gates.add(gate);
    }
    if (gates.isEmpty()) {
      return null;
    }
    try {
      HealthGate.Outcome outcome = cancellation.interruptibly(() -> health.await(gates, remaining(deadline),
          pending -> listener.on(new RunEvent.UnitWaiting(unit.name(), pending,
              Duration.ofNanos(System.nanoTime() - start)))));
      return outcome.healthy() ? null : outcome.reason();
    } catch (InterruptedException e) {
      return cancellation.requested() ? null : "interrupted while waiting for its health gates";
    }
  }

  private static Duration remaining(long deadline) {
    return Duration.ofNanos(Math.max(1_000_000, deadline - System.nanoTime()));
  }

  private static String seconds(long start) {
    return String.format("%.1f s", (System.nanoTime() - start) / 1e9);
  }
}
