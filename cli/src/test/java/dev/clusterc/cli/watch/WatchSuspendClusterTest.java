package dev.clusterc.cli.watch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.clusterc.cli.Main;
import dev.clusterc.cli.Terminal;
import dev.clusterc.testapiserver.TestCluster;
import dev.clusterc.testapiserver.WithTestCluster;
import io.fabric8.kubernetes.api.model.Service;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code clusterc suspend DIR} and {@code clusterc resume DIR} against a running
 * {@code clusterc apply --watch DIR}: while suspended an edit and a drift stay as they are; once
 * resumed, both converge.
 */
@WithTestCluster
class WatchSuspendClusterTest {
  static TestCluster cluster;

  @TempDir Path dir;

  @Test
  void nothingIsAppliedOrHealedWhileSuspendedAndAResumeConverges() {
    Path source = TinyCluster.write(dir.resolve("src"), TinyCluster.of("paused", TinyCluster.app("calm", 1, "blue")));
    try (Watching watch = Watching.start(cluster.kubeconfig(), source.toString())) {
      watch.awaitReady();
      String first = watch.appliedRevision();

      assertTrue(clusterc("suspend", source.toString()).contains("cluster paused suspended"));
      watch.awaitLog("suspended");
      cluster.client().services().inNamespace("calm").withName("calm").delete();
      TinyCluster.write(source, TinyCluster.of("paused", TinyCluster.app("calm", 3, "blue")));
      Await.until(() -> "the edit read and held back; log:\n" + watch.log(),
          () -> watch.status().path("reconciler").path("suspended").asBoolean()
              && !watch.status().path("reconciler").path("pendingRevision").isNull());
      assertEquals(1.0, watch.metric("clusterc_suspended"));
      Await.pause(3_000); // an observation period: nothing may come back while suspended
      assertNull(service(), () -> "not re-created while suspended; log:\n" + watch.log());
      assertEquals(1, Clusters.deployment(cluster, "calm").getSpec().getReplicas(), "the edit is not applied");
      assertEquals(first, watch.appliedRevision());

      assertTrue(clusterc("resume", source.toString()).contains("cluster paused resumed"));
      Await.until(() -> "the edit applied and the Service back; log:\n" + watch.log(),
          () -> Clusters.deployment(cluster, "calm").getSpec().getReplicas() == 3 && service() != null);
      watch.awaitLog("resumed");
      assertEquals(0.0, watch.metric("clusterc_suspended"));
    }
  }

  private static Service service() {
    return cluster.client().services().inNamespace("calm").withName("calm").get();
  }

  /** Runs {@code clusterc COMMAND PATH --kubeconfig K} in-process; what it printed, after checking it exited 0. */
  private static String clusterc(String command, String path) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit = new CommandLine(new Main(Terminal.plain(InputStream.nullInputStream())))
        .setOut(new PrintWriter(out, true)).setErr(new PrintWriter(err, true))
        .execute(command, path, "--kubeconfig", cluster.kubeconfig().toString());
    assertEquals(0, exit, () -> out + "\n" + err);
    return out.toString();
  }
}
