package dev.clusterc.cli.watch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.clusterc.runtime.model.Kinds;
import dev.clusterc.testapiserver.TestCluster;
import dev.clusterc.testapiserver.WithTestCluster;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code clusterc apply --watch DIR} on a real cluster: converges, then follows an edited file. */
@WithTestCluster
class WatchDirectoryClusterTest {
  static TestCluster cluster;

  @TempDir Path dir;

  @Test
  void anEditedFileIsFollowed() {
    Path source = TinyCluster.write(dir.resolve("home"), TinyCluster.of("home", TinyCluster.app("web", 2, "blue")));
    try (Watching watch = Watching.start(cluster.kubeconfig(), source.toString())) {
      watch.awaitReady();
      JsonNode status = watch.status();
      String first = status.get("lastRevision").asText();
      assertTrue(first.startsWith("sha256:"), status::toString);
      assertEquals(first, status.get("reconciler").get("appliedRevision").asText(), status::toString);
      assertEquals(2, web().getSpec().getReplicas());
      assertEquals(first, Clusters.parentRevision(cluster, "home"));

      TinyCluster.write(source, TinyCluster.of("home", TinyCluster.app("web", 3, "green")));

      Await.until(() -> "the edit applied; log:\n" + watch.log(), () -> web().getSpec().getReplicas() == 3
          && "green".equals(web().getSpec().getTemplate().getSpec().getContainers().get(0).getEnv().get(0).getValue()));
      Await.until("the second revision on /status", () -> !watch.appliedRevision().equals(first));
      String second = watch.appliedRevision();
      assertEquals(second, web().getMetadata().getAnnotations().get(Kinds.REVISION));
      assertEquals(second, Clusters.parentRevision(cluster, "home"));
      assertTrue(watch.metric("clusterc_reconciles_total", "result=\"ok\"") >= 2, () -> watch.get("/metrics").body());
      assertEquals(200, watch.code("/readyz"));
    }
  }

  private static Deployment web() {
    return cluster.client().apps().deployments().inNamespace("web").withName("web").get();
  }
}
