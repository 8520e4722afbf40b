package dev.clusterc.runtime.watch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.clusterc.runtime.apply.ApplyOptions;
import dev.clusterc.runtime.inventory.ApplySetParent;
import dev.clusterc.runtime.kube.Kube;
import dev.clusterc.runtime.kube.RequestCounts;
import dev.clusterc.runtime.model.ObjectId;
import dev.clusterc.runtime.model.Unit;
import dev.clusterc.runtime.model.UnitGraph;
import dev.clusterc.testapiserver.Manifests;
import dev.clusterc.testapiserver.TestCluster;
import dev.clusterc.testapiserver.WithTestCluster;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The reconciler and its self-heal together on a real control plane: {@code ignore-drift} kept by a
 * change of the source, a fight reported as a Warning Event on the parent, and a suspend noticed
 * through the parent's watch rather than a read per tick.
 */
@WithTestCluster
class ReconcilerHealClusterTest {
  private static final String VERSION = "0.1.0";
  /** A tick so long that only the parent's watch can notice a suspend within a test. */
  private static final WatchOptions NO_TICK = WatchOptions.defaults()
      .withTick(Duration.ofHours(1)).withResync(Duration.ofHours(1));

  static TestCluster cluster;

  @Test
  void aNewImageKeepsTheReplicasAnAutoscalerSetAndNothingHealsThem() {
    String name = "watch-ignore";
    cluster.createNamespace(name);
    WatchRecorder seen = new WatchRecorder();
    try (Kube kube = Kube.of(cluster.config());
        Reconciler reconciler = new Reconciler(kube.client(), VERSION, NO_TICK, seen, seen)) {
      reconciler.start();
      reconciler.submit(desired(web(name, "nginx:1.27"), "r1"));
      seen.reconciled("r1", WatchEvent.Reconciled::ok);

      patch("Deployment", name, "web", "autoscaler", "{\"spec\": {\"replicas\": 4}}");
      reconciler.submit(desired(web(name, "nginx:1.28"), "r2"));
      WatchEvent.Reconciled second = seen.reconciled("r2", r -> true);
      assertTrue(second.ok(), () -> "no conflict over the ignored replicas: " + second);
      Deployment live = cluster.client().apps().deployments().inNamespace(name).withName("web").get();
      assertEquals(4, live.getSpec().getReplicas(), "the autoscaler's replicas stay");
      assertEquals("nginx:1.28", live.getSpec().getTemplate().getSpec().getContainers().get(0).getImage());
      assertEquals(List.of(), seen.of(WatchEvent.DriftHealed.class), "the replicas are no drift either");
    }
  }

  @Test
  void aFieldFoughtOverIsAWarningEventNamingTheFieldAndTheManager() {
    String name = "watch-fight";
    cluster.createNamespace(name);
    SelfHeal.HealPolicy twice = new SelfHeal.HealPolicy(2, Duration.ofMinutes(1), Duration.ofMinutes(1),
        Duration.ofMinutes(1));
    WatchOptions options = new WatchOptions(ApplyOptions.defaults(), false, Set.of(), Duration.ofHours(1),
        Duration.ofHours(1), twice);
    WatchRecorder seen = new WatchRecorder();
    try (Kube kube = Kube.of(cluster.config());
        Reconciler reconciler = new Reconciler(kube.client(), VERSION, options, seen, seen)) {
      reconciler.start();
      reconciler.submit(desired(settings(name, "ours"), "r1"));
      seen.reconciled("r1", WatchEvent.Reconciled::ok);

      for (int round = 1; seen.of(WatchEvent.HealBackOff.class).isEmpty(); round++) {
        assertTrue(round <= 3, () -> "backed off by the third change: " + seen.watch);
        patch("ConfigMap", name, "fought", "fighter", "{\"data\": {\"k\": \"theirs\"}}");
        seen.await(() -> "ours".equals(data(name, "fought")) || !seen.of(WatchEvent.HealBackOff.class).isEmpty(),
            "healed, or backed off");
      }
      assertEquals(2, seen.of(WatchEvent.DriftHealed.class).size(), seen.watch::toString);
      seen.await(() -> !events(name, "HealBackOff").isEmpty(), "a HealBackOff Event on the parent");
      Event event = events(name, "HealBackOff").get(0);
      assertEquals("Warning", event.getType());
      assertTrue(event.getMessage().contains("ConfigMap " + name + "/fought")
          && event.getMessage().contains("fighter") && event.getMessage().contains("/data/k"), event::getMessage);
    }
  }

  @Test
  void aSuspendIsNoticedAtOnceAndNothingIsHealedUntilTheResume() {
    String name = "watch-suspend-now";
    cluster.createNamespace(name);
    WatchRecorder seen = new WatchRecorder();
    try (Kube kube = Kube.of(cluster.config());
        Reconciler reconciler = new Reconciler(kube.client(), VERSION, NO_TICK, seen, seen)) {
      reconciler.start();
      reconciler.submit(desired(settings(name, "ours"), "r1"));
      seen.reconciled("r1", WatchEvent.Reconciled::ok);

      Suspension.set(kube.client(), name, true);
      seen.await(() -> reconciler.status().suspended(), "suspended, with no tick to read the flag");
      patch("ConfigMap", name, "fought", "kubectl-edit", "{\"data\": {\"k\": \"by hand\"}}");
      Events.pause(2000); // time a heal would take many times over
      assertEquals("by hand", data(name, "fought"), "nothing is healed while suspended");
      assertEquals(List.of(), seen.of(WatchEvent.DriftHealed.class));

      Suspension.set(kube.client(), name, false);
      seen.await(() -> "ours".equals(data(name, "fought")), "healed once resumed");
      assertEquals(List.of(new WatchEvent.Suspension(true), new WatchEvent.Suspension(false)),
          seen.of(WatchEvent.Suspension.class));
    }
  }

  @Test
  void anIdleReconcilerSendsNoRequestPerTick() {
    String name = "watch-idle";
    cluster.createNamespace(name);
    WatchRecorder seen = new WatchRecorder();
    WatchOptions often = NO_TICK.withTick(Duration.ofMillis(100));
    try (Kube kube = Kube.of(cluster.config());
        Reconciler reconciler = new Reconciler(kube.client(), VERSION, often, seen, seen)) {
      reconciler.start();
      reconciler.submit(desired(settings(name, "ours"), "r1"));
      seen.reconciled("r1", WatchEvent.Reconciled::ok);
      Events.pause(1000); // the informers settle
      RequestCounts before = kube.counts();
      Events.pause(2000); // 20 ticks
      RequestCounts idle = kube.counts().minus(before);
      assertEquals(0, idle.requests(), () -> "the parent is watched, not read per tick: " + idle);
    }
  }

  // ---- helpers

  private static Desired desired(UnitGraph graph, String revision) {
    return new Desired(graph, revision, "test");
  }

  /** A Deployment whose replicas an autoscaler owns (ignore-drift), with no health gate. */
  private static UnitGraph web(String name, String image) {
    return new UnitGraph(name, List.of(new Unit("web", "apps", "app web", Manifests.parse("""
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: web
          namespace: %s
          annotations: {clusterc.dev/drift-ignore: /spec/replicas}
        spec:
          replicas: 2
          selector: {matchLabels: {app: web}}
          template:
            metadata: {labels: {app: web}}
            spec: {containers: [{name: web, image: "%s"}]}
        """.formatted(name, image)), List.of(), List.of())));
  }

  /** One ConfigMap {@code fought} holding {@code value}. */
  private static UnitGraph settings(String name, String value) {
    var objects = Manifests.parse("{apiVersion: v1, kind: ConfigMap, metadata: {name: fought, namespace: " + name
        + "}, data: {k: \"" + value + "\"}}\n");
    return new UnitGraph(name, List.of(new Unit("settings", "apps", "app settings", objects, List.of(),
        List.of(ObjectId.of(objects.get(0))))));
  }

  private static void patch(String kind, String namespace, String name, String manager, String mergePatch) {
    PatchContext context = new PatchContext.Builder().withPatchType(PatchType.JSON_MERGE).withFieldManager(manager)
        .build();
    if (kind.equals("Deployment")) {
      cluster.client().apps().deployments().inNamespace(namespace).withName(name).patch(context, mergePatch);
    } else {
      cluster.client().configMaps().inNamespace(namespace).withName(name).patch(context, mergePatch);
    }
  }

  private static String data(String namespace, String name) {
    return cluster.client().configMaps().inNamespace(namespace).withName(name).get().getData().get("k");
  }

  private static List<Event> events(String name, String reason) {
    return cluster.client().v1().events().inNamespace(ApplySetParent.NAMESPACE).list().getItems().stream()
        .filter(e -> ("clusterc-" + name).equals(e.getInvolvedObject().getName()) && reason.equals(e.getReason()))
        .toList();
  }
}
