package dev.clusterc.runtime.apply;

import dev.clusterc.runtime.kube.ObjectApplier;
import dev.clusterc.runtime.kube.ObjectChange;
import dev.clusterc.runtime.kube.ObjectRefused;
import dev.clusterc.runtime.kube.RequestFailure;
import dev.clusterc.runtime.model.ObjectId;
import dev.clusterc.runtime.model.Unit;
import dev.clusterc.runtime.model.UnitGraph;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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

  /**
   * The plan of every unit of {@code graph}, in graph order.
   *
   * @throws ObjectRefused when the API server rejects an object (invalid, forbidden); the message
   *     names the object
   */
  public Plan plan(UnitGraph graph) {
    ExecutorService pool = Executors.newFixedThreadPool(parallelism, runnable -> {
      Thread thread = new Thread(runnable, "clusterc-plan");
      thread.setDaemon(true);
      return thread;
    });
    try {
      Map<ObjectId, GenericKubernetesResource> live = LiveMembers.read(client, graph);
      List<List<Future<ObjectChange>>> futures = new ArrayList<>();
      for (Unit unit : graph.units()) {
        List<Future<ObjectChange>> unitFutures = new ArrayList<>();
        for (GenericKubernetesResource object : unit.objects()) {
          GenericKubernetesResource known = live.get(ObjectId.of(object));
          unitFutures.add(pool.submit(() -> plan(object, known)));
        }
        futures.add(unitFutures);
      }
      List<UnitPlan> units = new ArrayList<>();
      for (int i = 0; i < graph.units().size(); i++) {
        Unit unit = graph.units().get(i);
        List<ObjectChange> changes = new ArrayList<>();
        for (Future<ObjectChange> future : futures.get(i)) {
          changes.add(result(future));
        }
        units.add(new UnitPlan(unit.name(), unit.layer(), unit.title(), changes));
      }
      return new Plan(units);
    } finally {
      pool.shutdownNow();
    }
  }

  /** @param live the object as a LIST just read it, or {@code null} to read it now */
  private ObjectChange plan(GenericKubernetesResource object, GenericKubernetesResource live) {
    try {
      return live == null ? objects.plan(object) : objects.plan(object, live);
    } catch (KubernetesClientException e) {
      String message = RequestFailure.describe(e);
      throw new ObjectRefused(ObjectId.of(object), "the API server rejects it: " + message);
    }
  }

  private static ObjectChange result(Future<ObjectChange> future) {
    try {
      return future.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("planning was interrupted", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException runtime) {
        throw runtime;
      }
      throw new IllegalStateException(e.getCause());
    }
  }
}
