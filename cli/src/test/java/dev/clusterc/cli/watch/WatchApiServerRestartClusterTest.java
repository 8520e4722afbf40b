package dev.clusterc.cli.watch;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.clusterc.testapiserver.TestCluster;
import dev.clusterc.testapiserver.WithTestCluster;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The API server goes away under a running {@code clusterc apply --watch DIR} and comes back: an edit
 * made meanwhile is applied once it is back, the watch stays alive, and drift is still healed (the
 * informers reconnected).
 */
@WithTestCluster
class WatchApiServerRestartClusterTest {
  static TestCluster cluster;

  @TempDir Path dir;

  @Test
  void anEditMadeWhileTheApiServerIsAwayIsAppliedOnceItIsBack() {
    Path source = TinyCluster.write(dir.resolve("src"), TinyCluster.of("restart", TinyCluster.app("steady", 1, "blue")));
    try (Watching watch = Watching.start(cluster.kubeconfig(), source.toString())) {
      watch.awaitReady();

      cluster.stopApiServer();
      try {
        TinyCluster.write(source, TinyCluster.of("restart", TinyCluster.app("steady", 2, "green")));
        watch.awaitLog("reconcile-failed");
        assertEquals(200, watch.code("/healthz"));
      } finally {
        cluster.startApiServer();
      }
      Await.until(() -> "the edit applied; log:\n" + watch.log(),
          () -> Clusters.deployment(cluster, "steady").getSpec().getReplicas() == 2);
      Await.until("/readyz 200 again", () -> watch.code("/readyz") == 200);
      assertEquals(200, watch.code("/healthz"));

      Clusters.scale(cluster, "steady", 5);
      Await.until(() -> "healed after the restart; log:\n" + watch.log(),
          () -> Clusters.deployment(cluster, "steady").getSpec().getReplicas() == 2);
    }
  }
}
