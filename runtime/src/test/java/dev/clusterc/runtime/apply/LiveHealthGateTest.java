package dev.clusterc.runtime.apply;

import static dev.clusterc.runtime.apply.Graphs.configMap;
import static dev.clusterc.runtime.apply.Graphs.namespace;
import static dev.clusterc.runtime.apply.Graphs.unit;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.clusterc.runtime.events.RunEvent;
import dev.clusterc.runtime.model.ObjectId;
import dev.clusterc.runtime.model.Unit;
import dev.clusterc.runtime.model.UnitGraph;
import dev.clusterc.testapiserver.Manifests;
import dev.clusterc.testapiserver.WithTestApiServer;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentConditionBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The runner waiting through the real {@code HealthWait}. No controllers run on the test API
 * server, so a Deployment becomes healthy only when the test writes its status through /status.
 */
@WithTestApiServer(crds = false)
class LiveHealthGateTest {
  private static KubernetesClient client;

  private static Unit deploymentUnit(String name, String namespace, List<String> dependencies) {
    List<GenericKubernetesResource> objects = Manifests.parse("""
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: %s, namespace: %s}
        spec:
          selector: {matchLabels: {app: %s}}
          template:
            metadata: {labels: {app: %s}}
            spec: {containers: [{name: main, image: "registry.example/app:1"}]}
        """.formatted(name, namespace, name, name));
    return new Unit(name, "apps", null, objects, dependencies, List.of(ObjectId.of(objects.get(0))));
  }

  @Test
  void aDeploymentGatesItsDependentsUntilItsStatusSaysItRolledOut() throws Exception {
    CountDownLatch waiting = new CountDownLatch(1);
    List<RunEvent> events = new CopyOnWriteArrayList<>();
    GraphApplier applier = new GraphApplier(client, ApplyOptions.defaults(), event -> {
      events.add(event);
      if (event instanceof RunEvent.UnitWaiting w && w.unit().equals("web")) {
        waiting.countDown();
      }
    });
    UnitGraph graph = new UnitGraph("c", List.of(
        unit("base", List.of(), namespace("lh1") + "---\n" + configMap("lh1", "base", "x")),
        deploymentUnit("web", "lh1", List.of("base")),
        unit("after", List.of("web"), configMap("lh1", "after", "y"))));
    CompletableFuture<RunSummary> run = CompletableFuture.supplyAsync(() -> applier.apply(graph));
    assertTrue(waiting.await(60, TimeUnit.SECONDS), () -> "never waited for web: " + events);
    assertTrue(events.stream().noneMatch(e -> e instanceof RunEvent.UnitStarted s && s.unit().equals("after")),
        events::toString);
    writeRolledOut("lh1", "web");
    RunSummary summary = run.get(60, TimeUnit.SECONDS);
    assertTrue(summary.succeeded(), summary::toString);
    RunEvent.UnitWaiting first = (RunEvent.UnitWaiting) events.stream()
        .filter(e -> e instanceof RunEvent.UnitWaiting).findFirst().orElseThrow();
    assertEquals("Deployment.apps lh1/web", first.pending().get(0).object().toString());
    assertTrue(events.indexOf(events.stream().filter(e -> e instanceof RunEvent.UnitReady r && r.unit().equals("web"))
        .findFirst().orElseThrow()) < events.indexOf(new RunEvent.UnitStarted("after", "apps")), events::toString);
  }

  @Test
  void aUnitThatNeverBecomesHealthyTimesOutNamingWhatItWaitsFor() {
    GraphApplier applier = new GraphApplier(client, ApplyOptions.defaults().withUnitTimeout(Duration.ofSeconds(2)),
        event -> {});
    UnitGraph graph = new UnitGraph("c", List.of(
        unit("ns", List.of(), namespace("lh2")),
        deploymentUnit("stuck", "lh2", List.of("ns")),
        unit("after", List.of("stuck"), configMap("lh2", "after", "y"))));
    RunSummary summary = applier.apply(graph);
    String reason = summary.failed().get("stuck");
    assertTrue(reason.startsWith("not healthy after "), reason);
    assertTrue(reason.contains("Deployment.apps lh2/stuck (InProgress: "), reason);
    assertEquals("it depends on unit stuck, which failed", summary.skipped().get("after"));
  }

  @Test
  void cancellingInterruptsAHealthWait() throws Exception {
    CountDownLatch waiting = new CountDownLatch(1);
    GraphApplier[] applier = new GraphApplier[1];
    applier[0] = new GraphApplier(client, ApplyOptions.defaults(), event -> {
      if (event instanceof RunEvent.UnitWaiting) {
        waiting.countDown();
      }
    });
    UnitGraph graph = new UnitGraph("c", List.of(
        unit("ns", List.of(), namespace("lh3")),
        deploymentUnit("slow", "lh3", List.of("ns"))));
    CompletableFuture<RunSummary> run = CompletableFuture.supplyAsync(() -> applier[0].apply(graph));
    assertTrue(waiting.await(60, TimeUnit.SECONDS));
    applier[0].cancel();
    RunSummary summary = run.get(30, TimeUnit.SECONDS);
    assertTrue(summary.stopped(), summary::toString);
    assertTrue(summary.failed().isEmpty(), summary::toString);
    assertEquals(2, summary.changes().size());
  }

  /** What the deployment controller writes once a rollout is done. */
  private static void writeRolledOut(String namespace, String name) {
    String now = java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString();
    client.apps().deployments().inNamespace(namespace).withName(name).editStatus(d -> new DeploymentBuilder(d)
        .withNewStatus().withObservedGeneration(d.getMetadata().getGeneration()).withReplicas(1)
        .withUpdatedReplicas(1).withReadyReplicas(1).withAvailableReplicas(1)
        .withConditions(new DeploymentConditionBuilder().withType("Available").withStatus("True")
            .withReason("MinimumReplicasAvailable").withLastUpdateTime(now).withLastTransitionTime(now).build(),
            new DeploymentConditionBuilder().withType("Progressing").withStatus("True")
            .withReason("NewReplicaSetAvailable").withLastUpdateTime(now).withLastTransitionTime(now).build())
        .endStatus().build());
  }
}
