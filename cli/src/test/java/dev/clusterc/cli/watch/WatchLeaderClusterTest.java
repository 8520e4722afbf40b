package dev.clusterc.cli.watch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.clusterc.testapiserver.TestCluster;
import dev.clusterc.testapiserver.WithTestCluster;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two {@code clusterc apply --watch DIR --leader-elect} of one cluster (one Lease): one leads and
 * writes, the other stands by, ready; when the leader stops, the other takes over and heals.
 */
@WithTestCluster
class WatchLeaderClusterTest {
  static TestCluster cluster;

  @TempDir Path dir;

  @Test
  void oneLeadsTheOtherTakesOverWhenItStops() {
    cluster.createNamespace("clusterc-system");
    Path source = TinyCluster.write(dir.resolve("src"), TinyCluster.of("paired", TinyCluster.app("duo", 1, "blue")));
    try (Watching a = Watching.start(cluster.kubeconfig(), source.toString(), "--leader-elect");
        Watching b = Watching.start(cluster.kubeconfig(), source.toString(), "--leader-elect")) {
      Await.until(() -> "one leader; A:\n" + a.log() + "\nB:\n" + b.log(),
          () -> a.metric("clusterc_leader") + b.metric("clusterc_leader") == 1.0);
      Watching leader = a.metric("clusterc_leader") == 1.0 ? a : b;
      Watching standby = leader == a ? b : a;
      leader.awaitReady();
      standby.awaitReady();
      assertEquals(1, Clusters.deployment(cluster, "duo").getSpec().getReplicas());

      TinyCluster.write(source, TinyCluster.of("paired", TinyCluster.app("duo", 2, "blue")));
      Await.until(() -> "the edit applied; leader:\n" + leader.log(),
          () -> Clusters.deployment(cluster, "duo").getSpec().getReplicas() == 2);
      Await.until("the leader's second reconcile counted",
          () -> leader.metric("clusterc_reconciles_total", "result=\"ok\"") >= 2);
      String edited = leader.appliedRevision();
      assertEquals(0.0, standby.metric("clusterc_reconciles_total"), standby::log);
      assertEquals(0.0, standby.metric("clusterc_leader"));
      assertTrue(standby.status().path("reconciler").isNull(), () -> standby.status().toString());

      assertEquals(0, leader.stop(), leader::log);
      Await.until(() -> "the standby took over; log:\n" + standby.log(),
          () -> standby.metric("clusterc_leader") == 1.0 && edited.equals(standby.appliedRevision()));
      Clusters.scale(cluster, "duo", 6);
      Await.until(() -> "healed by the new leader; log:\n" + standby.log(),
          () -> Clusters.deployment(cluster, "duo").getSpec().getReplicas() == 2);
      assertTrue(standby.metric("clusterc_drift_heals_total") >= 1, standby::log);
    }
  }
}
