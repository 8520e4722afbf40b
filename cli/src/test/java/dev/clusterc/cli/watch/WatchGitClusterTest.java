package dev.clusterc.cli.watch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.clusterc.runtime.model.Kinds;
import dev.clusterc.testapiserver.TestCluster;
import dev.clusterc.testapiserver.WithTestCluster;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code clusterc apply --watch --git URL} on a real cluster, from a real Git server over smart HTTP
 * with a token: a pushed commit is followed on {@code POST /poll} and recorded where it changed
 * something; a commit that does not check is never applied; a Git server that goes away leaves the
 * cluster as it was, still healed. Both tests manage cluster {@value #CLUSTER}, each with its own apps.
 */
@WithTestCluster
class WatchGitClusterTest {
  private static final String CLUSTER = "gitops";
  private static final String TOKEN = "e2e-token-0123456789";
  private static final String FILE = "clusters/x/cluster.cluster";
  private static final AtomicInteger REPOS = new AtomicInteger();

  static TestCluster cluster;
  @TempDir static Path base;
  private static GitServers servers;

  @BeforeAll
  static void servers() {
    servers = GitServers.start(base.resolve("git"), TOKEN);
  }

  @AfterAll
  static void stopServers() {
    servers.close();
  }

  private static Watching watch(GitServers.Repo repo) throws IOException {
    Path token = Files.writeString(base.resolve("token-" + REPOS.incrementAndGet()), TOKEN + "\n");
    return Watching.start(cluster.kubeconfig(), "--git", repo.httpUrl(), "--branch", "main", "--path", "clusters/x",
        "--interval", "1h", "--git-token-file", token.toString());
  }

  @Test
  void aPushedCommitIsFollowedAndOneThatDoesNotCheckIsNot() throws IOException {
    GitServers.Repo repo = servers.repository("home-" + REPOS.incrementAndGet());
    String c1 = repo.commit(Map.of(FILE, TinyCluster.of(CLUSTER, TinyCluster.app("web", 1, "blue"),
        TinyCluster.app("api", 1, "blue"))), "two apps");
    try (Watching watch = watch(repo)) {
      watch.awaitReady();
      assertEquals(c1, watch.appliedRevision());

      String c2 = repo.commit(Map.of(FILE, TinyCluster.of(CLUSTER, TinyCluster.app("web", 2, "blue"),
          TinyCluster.app("api", 1, "blue"))), "scale web");
      watch.poll();
      Await.until(() -> "c2 applied; log:\n" + watch.log(), () -> c2.equals(watch.appliedRevision()));
      assertEquals(2, deployment("web").getSpec().getReplicas());
      assertEquals(c2, revision(deployment("web")), "changed by c2");
      assertEquals(c1, revision(deployment("api")), "unchanged since c1");
      assertEquals(c2, Clusters.parentRevision(cluster, CLUSTER));

      String webVersion = deployment("web").getMetadata().getResourceVersion();
      String apiVersion = deployment("api").getMetadata().getResourceVersion();
      String bad = repo.commit(Map.of(FILE, TinyCluster.of(CLUSTER, TinyCluster.app("web", 3, "blue"),
          TinyCluster.app("api", 1, "blue", "imagee \"oops\""))), "a typo");
      watch.poll();
      Await.until(() -> "a Warning SourceRejected on the parent; log:\n" + watch.log(),
          () -> !Clusters.events(cluster, CLUSTER, "SourceRejected").isEmpty());
      Event rejected = Clusters.events(cluster, CLUSTER, "SourceRejected").get(0);
      assertEquals("Warning", rejected.getType());
      assertTrue(rejected.getMessage().contains(bad) && rejected.getMessage().matches("(?s).*cluster\\.cluster:\\d+:\\d+: .*"),
          rejected::getMessage);
      JsonNode status = watch.status();
      assertEquals(bad, status.get("lastRevision").asText(), status::toString);
      assertEquals(false, status.get("lastRevisionAccepted").asBoolean());
      assertTrue(status.get("diagnostics").get(0).asText().matches("cluster\\.cluster:\\d+:\\d+: .*"), status::toString);
      assertEquals(c2, status.get("reconciler").get("appliedRevision").asText(), status::toString);
      assertEquals(webVersion, deployment("web").getMetadata().getResourceVersion(), "nothing of it applied");
      assertEquals(apiVersion, deployment("api").getMetadata().getResourceVersion(), "nothing of it applied");
      assertEquals(c2, Clusters.parentRevision(cluster, CLUSTER));

      String c4 = repo.commit(Map.of(FILE, TinyCluster.of(CLUSTER, TinyCluster.app("web", 3, "blue"),
          TinyCluster.app("api", 1, "blue"))), "the typo fixed");
      watch.poll();
      Await.until(() -> "c4 applied; log:\n" + watch.log(), () -> c4.equals(watch.appliedRevision()));
      assertEquals(3, deployment("web").getSpec().getReplicas());
      assertEquals(c4, revision(deployment("web")));
      assertEquals(c1, revision(deployment("api")));
    }
  }

  @Test
  void whileTheGitServerIsDownTheLastGoodStateStaysAndIsHealed() throws IOException {
    GitServers.Repo repo = servers.repository("shop-" + REPOS.incrementAndGet());
    String c1 = repo.commit(Map.of(FILE, TinyCluster.of(CLUSTER, TinyCluster.app("shop", 1, "blue"))), "a shop");
    try (Watching watch = watch(repo)) {
      watch.awaitReady();
      assertEquals(c1, watch.appliedRevision());
      String version = deployment("shop").getMetadata().getResourceVersion();

      servers.stopHttp();
      try {
        watch.poll();
        Await.until(() -> "a source error counted; log:\n" + watch.log(),
            () -> watch.metric("clusterc_source_errors_total") > 0);
        watch.awaitLog("source-unavailable");
        assertEquals(version, deployment("shop").getMetadata().getResourceVersion(), "the last good state stays");
        assertEquals(c1, watch.appliedRevision());
        assertEquals(200, watch.code("/healthz"));

        Clusters.scale(cluster, "shop", 4);
        Await.until(() -> "healed while Git is away; log:\n" + watch.log(),
            () -> deployment("shop").getSpec().getReplicas() == 1);
        assertTrue(watch.metric("clusterc_drift_heals_total") >= 1);
      } finally {
        servers.startHttp();
      }
      String c2 = repo.commit(Map.of(FILE, TinyCluster.of(CLUSTER, TinyCluster.app("shop", 2, "blue"))), "scale");
      watch.poll();
      Await.until(() -> "c2 applied once Git is back; log:\n" + watch.log(), () -> c2.equals(watch.appliedRevision()));
      assertEquals(2, deployment("shop").getSpec().getReplicas());
    }
  }

  private static Deployment deployment(String app) {
    return Clusters.deployment(cluster, app);
  }

  private static String revision(Deployment deployment) {
    return deployment.getMetadata().getAnnotations().get(Kinds.REVISION);
  }
}
