package dev.clusterc.cli.watch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.clusterc.testapiserver.TestCluster;
import dev.clusterc.testapiserver.WithTestCluster;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Drift through the whole stack ({@code clusterc apply --watch DIR} on a real cluster): a Deployment
 * scaled by hand is scaled back, a deleted Service comes back, replicas declared {@code ignore-drift}
 * are left to whoever scales, and a writer fighting over a field meets a back-off, not a loop. The
 * tests manage cluster {@value #CLUSTER}, each with its own app.
 */
@WithTestCluster
class WatchDriftClusterTest {
  private static final String CLUSTER = "drift";
  private static final String MANAGED_BY = "app.kubernetes.io/managed-by";

  static TestCluster cluster;

  @TempDir Path dir;

  private Watching watch(String... apps) {
    Path source = TinyCluster.write(dir.resolve("src"), TinyCluster.of(CLUSTER, apps));
    Watching watch = Watching.start(cluster.kubeconfig(), source.toString());
    watch.awaitReady();
    return watch;
  }

  @Test
  void aScaledDeploymentIsScaledBackAndADeletedServiceComesBack() {
    try (Watching watch = watch(TinyCluster.app("scaled", 2, "blue"))) {
      Clusters.scale(cluster, "scaled", 5);
      Await.until(() -> "scaled back; log:\n" + watch.log(), () -> deployment("scaled").getSpec().getReplicas() == 2);
      watch.awaitLog("drift-healed");
      assertTrue(watch.log().contains("fields=/spec/replicas manager=kubectl-scale"), watch::log);
      Await.until("the heal counted", () -> watch.metric("clusterc_drift_heals_total") >= 1);

      String uid = service("scaled").getMetadata().getUid();
      cluster.client().services().inNamespace("scaled").withName("scaled").delete();
      Await.until(() -> "the Service re-created; log:\n" + watch.log(),
          () -> service("scaled") != null && !service("scaled").getMetadata().getUid().equals(uid));
      Await.until("the re-creation counted", () -> watch.metric("clusterc_recreated_total") >= 1);
    }
  }

  @Test
  void replicasDeclaredIgnoredAreLeftToWhoeverScales() {
    try (Watching watch = watch(TinyCluster.app("autoscaled", 2, "blue", "ignore-drift \"/spec/replicas\" in Deployment"))) {
      Clusters.scale(cluster, "autoscaled", 4);
      // a marker: a field of ours changed after the replicas, so its heal comes after their check
      label("autoscaled", "kubectl-label", "someone");
      Await.until(() -> "the label healed; log:\n" + watch.log(),
          () -> "clusterc".equals(deployment("autoscaled").getMetadata().getLabels().get(MANAGED_BY)));
      assertEquals(4, deployment("autoscaled").getSpec().getReplicas(), "ignored: left alone");
      assertTrue(watch.log().contains("manager=kubectl-label") && !watch.log().contains("fields=/spec/replicas"),
          watch::log);
    }
  }

  @Test
  void aWriterFightingOverAFieldMeetsABackOffAndAWarning() throws InterruptedException {
    try (Watching watch = watch(TinyCluster.app("fought", 1, "blue"))) {
      AtomicBoolean stop = new AtomicBoolean();
      AtomicInteger rewrites = new AtomicInteger();
      Thread webhook = new Thread(() -> {
        while (!stop.get()) {
          try {
            if (!"webhook".equals(deployment("fought").getMetadata().getLabels().get(MANAGED_BY))) {
              label("fought", "webhook", "webhook");
              rewrites.incrementAndGet();
            }
          } catch (RuntimeException e) {
            // a write that raced the heal: try again
          }
          Await.pause(20);
        }
      }, "webhook-like writer");
      webhook.start();
      try {
        Await.until(() -> "a Warning HealBackOff on the parent; log:\n" + watch.log(),
            () -> !Clusters.events(cluster, CLUSTER, "HealBackOff").isEmpty());
        Event event = Clusters.events(cluster, CLUSTER, "HealBackOff").get(0);
        assertEquals("Warning", event.getType());
        assertTrue(event.getMessage().contains("Deployment.apps fought/fought")
            && event.getMessage().contains("/metadata/labels/app.kubernetes.io~1managed-by")
            && event.getMessage().contains("webhook"), event::getMessage);
        Await.pause(15_000); // an observation period, not a claim on speed: 3 heals, then one after 10 s at most
      } finally {
        stop.set(true);
        webhook.join();
      }
      double heals = watch.metric("clusterc_drift_heals_total");
      System.out.println("fought over ~15 s: " + heals + " heals, " + watch.metric("clusterc_heal_backoffs_total")
          + " back-offs, the writer rewrote " + rewrites.get() + " times");
      assertTrue(heals >= 3 && heals <= 6, () -> heals + " heals while the writer rewrote " + rewrites.get() + " times");
      assertTrue(watch.metric("clusterc_heal_backoffs_total") >= 1);
      assertEquals(200, watch.code("/healthz"));
    }
  }

  private static Deployment deployment(String app) {
    return Clusters.deployment(cluster, app);
  }

  private static Service service(String app) {
    return cluster.client().services().inNamespace(app).withName(app).get();
  }

  /** Sets the Deployment's {@value #MANAGED_BY} label as field manager {@code manager}. */
  private static void label(String app, String manager, String value) {
    assertNotNull(deployment(app));
    cluster.client().apps().deployments().inNamespace(app).withName(app).patch(
        new PatchContext.Builder().withPatchType(PatchType.JSON_MERGE).withFieldManager(manager).build(),
        "{\"metadata\": {\"labels\": {\"" + MANAGED_BY + "\": \"" + value + "\"}}}");
  }
}
