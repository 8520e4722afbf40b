package dev.clusterc.runtime.apply;

import dev.clusterc.runtime.inventory.Consequence;
import dev.clusterc.runtime.inventory.Consequences;
import dev.clusterc.runtime.kube.DriftIgnore;
import dev.clusterc.runtime.kube.ObjectApplier;
import dev.clusterc.runtime.kube.ObjectChange;
import dev.clusterc.runtime.kube.ObjectRefused;
import dev.clusterc.runtime.kube.RequestFailure;
import dev.clusterc.runtime.model.Change;
import dev.clusterc.runtime.model.ObjectId;
import dev.clusterc.runtime.model.Unit;
import dev.clusterc.runtime.model.UnitGraph;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Plans a graph: reads every object and dry-runs its apply, a few at a time, and writes nothing.
 * Objects already labelled as members of their set are read with one LIST per kind ({@link LiveMembers}),
 * the others one GET each.
 * An object whose CRD or namespace is created by the same apply plans as CREATED.
 */
public final class GraphPlanner {
  private final KubernetesClient client;
  private final ObjectApplier objects;
  private final int parallelism;
  private final List<Future<?>> submitted = new CopyOnWriteArrayList<>();
  private volatile boolean stopped;

  /**
   * @param client the connection
   * @param parallelism how many objects are planned at once (at least 1)
   */
  public GraphPlanner(KubernetesClient client, int parallelism) {
    if (parallelism < 1) {
      throw new IllegalArgumentException("parallelism must be at least 1, was " + parallelism);
    }
    this.client = client;
    this.objects = new ObjectApplier(client);
    this.parallelism = parallelism;
  }

  /** Stops a running {@link #plan} (Ctrl-C): objects not yet planned are not, and it throws {@link PlanStopped}. */
  public void cancel() {
    stopped = true;
    submitted.forEach(f -> f.cancel(true));
  }

  /**
   * The plan of every unit of {@code graph}, in graph order.
   *
   * @throws ObjectRefused when the API server rejects an object (invalid, forbidden); the message
   *     names the object
   * @throws PlanStopped when {@link #cancel()} stopped it
   * @throws KubernetesClientException when the server cannot be reached (an {@link IOException} in its
   *     causes: refused, reset, timed out)
   */
  public Plan plan(UnitGraph graph) {
    return assess(graph).plan();
  }

  /**
   * A plan and the consequences of its configured and re-created objects, computed from the live
   * object each worker read for the plan (so no object is read twice).
   */
  record Assessed(Plan plan, List<Consequence> consequences) {}

  /** {@link #plan}, with the consequences; same exceptions. */
  Assessed assess(UnitGraph graph) {
    return assess(graph, Set.of());
  }

  /**
   * {@link #assess(UnitGraph)}, where the objects in {@code settled} are known unchanged (a watching
   * reconciler applied the same desired object before): reported UNCHANGED without reading or
   * dry-running them, with no consequence.
   */
  Assessed assess(UnitGraph graph, Set<ObjectId> settled) {
    ExecutorService pool = Executors.newFixedThreadPool(parallelism, DaemonThreads.named("plan"));
    try {
      Map<ObjectId, GenericKubernetesResource> live = LiveMembers.read(client, graph, settled);
      List<List<Future<Assessment>>> futures = new ArrayList<>();
      for (Unit unit : graph.units()) {
        List<Future<Assessment>> unitFutures = new ArrayList<>();
        for (GenericKubernetesResource object : unit.objects()) {
          if (stopped) {
            throw new PlanStopped();
          }
          ObjectId id = ObjectId.of(object);
          if (settled.contains(id)) {
            unitFutures.add(CompletableFuture.completedFuture(
                new Assessment(new ObjectChange(id, Change.UNCHANGED, "", "", List.of()), List.of())));
            continue;
          }
          GenericKubernetesResource known = live.get(id);
          Future<Assessment> future = pool.submit(() -> plan(object, known));
          submitted.add(future);
          unitFutures.add(future);
        }
        futures.add(unitFutures);
      }
      if (stopped) {
        throw new PlanStopped();
      }
      List<UnitPlan> units = new ArrayList<>();
      List<Consequence> consequences = new ArrayList<>();
      for (int i = 0; i < graph.units().size(); i++) {
        Unit unit = graph.units().get(i);
        List<ObjectChange> changes = new ArrayList<>();
        for (Future<Assessment> future : futures.get(i)) {
          Assessment assessment = result(future);
          changes.add(assessment.change());
          consequences.addAll(assessment.consequences());
        }
        units.add(new UnitPlan(unit.name(), unit.layer(), unit.title(), changes));
      }
      return new Assessed(new Plan(units), consequences);
    } finally {
      pool.shutdownNow();
    }
  }

  /** One object's plan and consequences. */
  private record Assessment(ObjectChange change, List<Consequence> consequences) {}

  /** @param known the live object as a LIST just read it, or {@code null} to read it now */
  private Assessment plan(GenericKubernetesResource object, GenericKubernetesResource known) {
    try {
      ObjectApplier.Planned planned = objects.planWithLive(object, known);
      ObjectChange change = planned.change();
      boolean changes = change.change() == Change.CONFIGURED || change.change() == Change.RECREATED;
      // consequences of what is sent: ignored fields keep their live values (DriftIgnore), so they change nothing
      return new Assessment(change, changes ? Consequences.of(change.object(), planned.live(),
          planned.sent(), change.change(), List.of()) : List.of());
    } catch (KubernetesClientException e) {
      if (unreachable(e)) {
        throw e;
      }
      String message = RequestFailure.describe(e);
      throw new ObjectRefused(ObjectId.of(object), "the API server rejects it: " + message);
    }
  }

  /** A failure to reach the server (I/O, timeout) is no verdict on the object: it is passed on as is. */
  private static boolean unreachable(KubernetesClientException e) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof IOException) {
        return true;
      }
    }
    return false;
  }

  private Assessment result(Future<Assessment> future) {
    try {
      return future.get();
    } catch (CancellationException e) {
      throw new PlanStopped();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("planning was interrupted", e);
    } catch (ExecutionException e) {
      if (stopped) {
        throw new PlanStopped();
      }
      if (e.getCause() instanceof RuntimeException runtime) {
        throw runtime;
      }
      throw new IllegalStateException(e.getCause());
    }
  }
}
