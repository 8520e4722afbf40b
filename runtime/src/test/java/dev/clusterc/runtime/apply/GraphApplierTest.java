package dev.clusterc.runtime.apply;

import static dev.clusterc.runtime.apply.Graphs.configMap;
import static dev.clusterc.runtime.apply.Graphs.namespace;
import static dev.clusterc.runtime.apply.Graphs.unit;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.clusterc.runtime.events.RunEvent;
import dev.clusterc.runtime.kube.Kube;
import dev.clusterc.runtime.kube.RequestCounts;
import dev.clusterc.runtime.model.Change;
import dev.clusterc.runtime.model.UnitGraph;
import dev.clusterc.testapiserver.TestApiServer;
import dev.clusterc.testapiserver.WithTestApiServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Unit graphs applied to a real kube-apiserver (no controllers: gates are ConfigMaps). */
@WithTestApiServer(crds = false)
class GraphApplierTest {
  private static final HealthGate HEALTHY = (gates, timeout, pending) -> HealthGate.Outcome.HEALTHY;
  private static Kube kube;

  @BeforeAll
  static void connect(TestApiServer server) {
    kube = Kube.of(server.config());
  }

  @AfterAll
  static void close() {
    kube.close();
  }

  /** Kinds the API server defaults heavily: a second apply must still find them unchanged. */
  private static final String WORKLOADS = """
      apiVersion: apps/v1
      kind: Deployment
      metadata: {name: web, namespace: e1}
      spec:
        selector: {matchLabels: {app: web}}
        template:
          metadata: {labels: {app: web}}
          spec: {containers: [{name: main, image: "registry.example/web:1", ports: [{containerPort: 8080}]}]}
      ---
      apiVersion: apps/v1
      kind: StatefulSet
      metadata: {name: db, namespace: e1}
      spec:
        serviceName: db
        selector: {matchLabels: {app: db}}
        template:
          metadata: {labels: {app: db}}
          spec: {containers: [{name: main, image: "registry.example/db:1"}]}
        volumeClaimTemplates:
        - metadata: {name: data}
          spec: {accessModes: [ReadWriteOnce], resources: {requests: {storage: 1Gi}}}
      """;
  private static List<RunEvent> events = new ArrayList<>();

  private static RunSummary apply(UnitGraph graph, ApplyOptions options, HealthGate gate) {
    events = new ArrayList<>();
    List<RunEvent> recorded = events;
    return new GraphApplier(kube.client(), options, gate, InventoryHook.NONE, recorded::add).apply(graph);
  }

  private static RunEvent.Finished finished() {
    return (RunEvent.Finished) events.get(events.size() - 1);
  }

  private static int indexOf(RunEvent event) {
    int index = events.indexOf(event);
    assertTrue(index >= 0, () -> "no " + event + " in " + events);
    return index;
  }

  /** A hook whose prune fails as told: by count, or as a whole. */
  private static RunSummary applyWithPrune(UnitGraph graph, Pruned pruned, RuntimeException failure) {
    events = new ArrayList<>();
    List<RunEvent> recorded = events;
    InventoryHook hook = new InventoryHook() {
      @Override
      public UnitGraph beforeApply(UnitGraph g) {
        return g;
      }

      @Override
      public Pruned afterApply(UnitGraph g, RunSummary summary) {
        if (failure != null) {
          throw failure;
        }
        return pruned;
      }
    };
    return new GraphApplier(kube.client(), ApplyOptions.defaults(), HEALTHY, hook, recorded::add).apply(graph);
  }

  @Test
  void pruneFailuresAreCountedAndAFailedPruneStillEndsWithFinished() {
    UnitGraph graph = new UnitGraph("c", List.of(unit("p", List.of(), namespace("e9") + "---\n"
        + configMap("e9", "p", "1"))));
    RunSummary counted = applyWithPrune(graph, new Pruned(3, 2), null);
    assertEquals(2, counted.pruneFailures());
    assertEquals(3, finished().pruned());
    assertEquals(2, finished().pruneFailures());

    RunSummary thrown = applyWithPrune(graph, Pruned.NONE, new IllegalStateException("the parent vanished"));
    assertEquals(1, thrown.pruneFailures());
    assertEquals(1, finished().pruneFailures());
    assertTrue(events.contains(new RunEvent.UnitFailed(GraphApplier.INVENTORY, "prune failed: the parent vanished."
        + " What was not pruned stays recorded; apply again to prune it.")), events::toString);
  }

  @Test
  void appliesFromEmptyThenASecondApplySendsNoWrite() {
    UnitGraph graph = new UnitGraph("c", List.of(
        unit("base", List.of(), namespace("e1") + "---\n" + configMap("e1", "base", "1") + "---\n"
            + "{apiVersion: v1, kind: Service, metadata: {name: web, namespace: e1}, spec: {ports: [{port: 80}]}}"),
        unit("app", List.of("base"), configMap("e1", "app", "2") + "---\n"
            + "{apiVersion: v1, kind: Secret, metadata: {name: s, namespace: e1}, stringData: {p: secret-value}}"
            + "\n---\n" + WORKLOADS)));
    Plan plan = new GraphPlanner(kube.client(), 4).plan(graph);
    assertEquals(7, plan.count(Change.CREATED), plan::toString);
    assertEquals(List.of("base", "app"), plan.units().stream().map(UnitPlan::unit).toList());

    RunSummary first = apply(graph, ApplyOptions.defaults(), HEALTHY);
    assertTrue(first.succeeded(), first::toString);
    assertEquals(7, first.count(Change.CREATED));
    assertEquals(new RunEvent.Finished(7, 0, 0, 0, 0, 0, false, first.elapsed()), finished());

    RequestCounts before = kube.counts();
    RunSummary second = apply(graph, ApplyOptions.defaults(), HEALTHY);
    RequestCounts sent = kube.counts().minus(before);
    assertEquals(7, second.count(Change.UNCHANGED), second::toString);
    assertEquals(0, sent.writes(), sent.toString());
    assertFalse(new GraphPlanner(kube.client(), 2).plan(graph).changesSomething());
  }

  @Test
  void aCrdAndItsCustomResourceInOneUnit() {
    String crd = """
        apiVersion: apiextensions.k8s.io/v1
        kind: CustomResourceDefinition
        metadata: {name: widgets.example.clusterc.dev}
        spec:
          group: example.clusterc.dev
          scope: Namespaced
          names: {plural: widgets, singular: widget, kind: Widget, listKind: WidgetList}
          versions:
          - name: v1
            served: true
            storage: true
            schema:
              openAPIV3Schema:
                type: object
                properties:
                  spec: {type: object, properties: {size: {type: integer}}}
        """;
    String widget = "{apiVersion: example.clusterc.dev/v1, kind: Widget, metadata: {name: w, namespace: crd1}, "
        + "spec: {size: 3}}\n";
    // the custom resource comes first in the unit: the stages put the CRD and namespace before it
    UnitGraph graph = new UnitGraph("c", List.of(unit("widgets", List.of(),
        widget + "---\n" + crd + "---\n" + namespace("crd1"))));
    Plan plan = new GraphPlanner(kube.client(), 1).plan(graph);
    assertEquals(List.of(Change.CREATED, Change.CREATED, Change.CREATED),
        plan.changes().stream().map(c -> c.change()).toList());

    RunSummary summary = apply(graph, ApplyOptions.defaults(), HEALTHY);
    assertTrue(summary.succeeded(), summary::toString);
    assertEquals(List.of("CustomResourceDefinition", "Namespace", "Widget"),
        summary.changes().stream().map(c -> c.object().kind()).toList());
    assertEquals(3, summary.count(Change.CREATED));
    assertEquals(3, apply(graph, ApplyOptions.defaults(), HEALTHY).count(Change.UNCHANGED));
  }

  @Test
  void unitsStartAfterTheirDependenciesAreHealthyAndIndependentOnesRunInParallel() throws Exception {
    CountDownLatch bothWaiting = new CountDownLatch(2);
    HealthGate gate = (gates, timeout, pending) -> {
      String name = gates.get(0).getMetadata().getName();
      if (name.equals("b") || name.equals("c")) {
        bothWaiting.countDown();
        // b and c are healthy only once both wait at the same time: they ran in parallel
        return bothWaiting.await(30, TimeUnit.SECONDS) ? HealthGate.Outcome.HEALTHY
            : HealthGate.Outcome.unhealthy(name + " ran alone");
      }
      return HealthGate.Outcome.HEALTHY;
    };
    UnitGraph graph = new UnitGraph("c", List.of(
        unit("a", List.of(), namespace("p1") + "---\n" + configMap("p1", "a", "a")),
        unit("b", List.of("a"), configMap("p1", "b", "b")),
        unit("c", List.of("a"), configMap("p1", "c", "c")),
        unit("d", List.of("b", "c"), configMap("p1", "d", "d"))));
    RunSummary summary = apply(graph, ApplyOptions.defaults().withParallelism(2), gate);
    assertTrue(summary.succeeded(), summary::toString);
    int readyA = indexOf(readyEvent("a"));
    assertTrue(readyA < indexOf(new RunEvent.UnitStarted("b", "apps")));
    assertTrue(readyA < indexOf(new RunEvent.UnitStarted("c", "apps")));
    int startD = indexOf(new RunEvent.UnitStarted("d", "apps"));
    assertTrue(indexOf(readyEvent("b")) < startD);
    assertTrue(indexOf(readyEvent("c")) < startD);
  }

  private static RunEvent readyEvent(String unit) {
    return events.stream().filter(e -> e instanceof RunEvent.UnitReady r && r.unit().equals(unit)).findFirst()
        .orElseThrow(() -> new AssertionError("no UnitReady " + unit + " in " + events));
  }

  @Test
  void aFailedUnitSkipsItsDependentsAndFailFastStartsNothingNew() {
    UnitGraph graph = new UnitGraph("c", List.of(
        unit("bad", List.of(), configMap("no-such-namespace", "x", "x")),
        unit("dependent", List.of("bad"), namespace("f1")),
        unit("independent", List.of(), namespace("f2"))));
    RunSummary summary = apply(graph, ApplyOptions.defaults().withParallelism(1), HEALTHY);
    assertEquals(List.of("bad"), List.copyOf(summary.failed().keySet()));
    assertTrue(summary.failed().get("bad").contains("no-such-namespace"), summary.failed()::toString);
    assertEquals("it depends on unit bad, which failed", summary.skipped().get("dependent"));
    assertTrue(summary.skipped().get("independent").contains("after unit bad failed"), summary::toString);
    assertNull(kube.client().namespaces().withName("f2").get());
    assertEquals(1, finished().failedUnits());

    RunSummary goingOn = apply(graph, ApplyOptions.defaults().withParallelism(1).withKeepGoing(true), HEALTHY);
    assertEquals("it depends on unit bad, which failed", goingOn.skipped().get("dependent"));
    assertFalse(goingOn.skipped().containsKey("independent"));
    assertTrue(events.contains(new RunEvent.UnitSkipped("dependent", "it depends on unit bad, which failed")));
  }

  @Test
  void anUnhealthyUnitFailsWithTheGatesReason() {
    HealthGate failing = (gates, timeout, pending) -> {
      pending.accept(List.of(new RunEvent.Waiting(dev.clusterc.runtime.model.ObjectId.of(gates.get(0)),
          "InProgress", "still starting")));
      return HealthGate.Outcome.unhealthy("timed out: ConfigMap h1/h is still starting");
    };
    UnitGraph graph = new UnitGraph("c", List.of(
        unit("h", List.of(), namespace("h1") + "---\n" + configMap("h1", "h", "h")),
        unit("after", List.of("h"), configMap("h1", "after", "x"))));
    RunSummary summary = apply(graph, ApplyOptions.defaults().withUnitTimeout(Duration.ofSeconds(5)), failing);
    assertEquals("timed out: ConfigMap h1/h is still starting", summary.failed().get("h"));
    assertTrue(events.contains(new RunEvent.UnitFailed("h", "timed out: ConfigMap h1/h is still starting")));
    assertTrue(events.stream().anyMatch(e -> e instanceof RunEvent.UnitWaiting w && w.unit().equals("h")
        && w.pending().get(0).reason().equals("still starting")));
    assertTrue(summary.skipped().containsKey("after"));
  }

  @Test
  void cancellingStopsBetweenObjectsAndSaysWhatWasApplied() {
    AtomicReference<GraphApplier> applier = new AtomicReference<>();
    List<RunEvent> seen = new ArrayList<>();
    applier.set(new GraphApplier(kube.client(), ApplyOptions.defaults(), HEALTHY, InventoryHook.NONE, event -> {
      seen.add(event);
      if (event instanceof RunEvent.ObjectDone done && done.object().kind().equals("ConfigMap")) {
        applier.get().cancel();
      }
    }));
    UnitGraph graph = new UnitGraph("c", List.of(
        unit("s", List.of(), namespace("s1") + "---\n" + configMap("s1", "one", "1") + "---\n"
            + configMap("s1", "two", "2") + "---\n" + configMap("s1", "three", "3")),
        unit("later", List.of("s"), configMap("s1", "later", "x"))));
    RunSummary summary = applier.get().apply(graph);
    assertTrue(summary.stopped());
    assertEquals(List.of("Namespace", "ConfigMap"), summary.changes().stream().map(c -> c.object().kind()).toList());
    assertNull(kube.client().configMaps().inNamespace("s1").withName("two").get());
    RunEvent.Finished finished = (RunEvent.Finished) seen.get(seen.size() - 1);
    assertTrue(finished.stopped());
    assertEquals(2, finished.created());
    assertEquals("the run was stopped before it started", summary.skipped().get("later"));
  }
}
