package dev.clusterc.runtime.kube;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.clusterc.testapiserver.TestApiServer;
import dev.clusterc.testapiserver.WithTestApiServer;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Connecting from a kubeconfig file and counting what is sent. */
@WithTestApiServer(crds = false)
class KubeTest {

  @Test
  void connectsFromAKubeconfigFileAndCountsRequestsWritesAndDryRuns(TestApiServer server, @TempDir Path dir)
      throws Exception {
    Path kubeconfig = Files.writeString(dir.resolve("config"), server.kubeConfigYaml());
    try (Kube kube = Kube.connect(kubeconfig, null)) {
      assertEquals(server.url().toString(), kube.client().getMasterUrl().toString());
      RequestCounts before = kube.counts();
      kube.client().namespaces().withName("default").get();
      ObjectApplier applier = new ObjectApplier(kube.client());
      applier.apply(Objects.configMap("default", "counted", "{k: v}"), ApplyFlags.NONE);
      RequestCounts sent = kube.counts().minus(before);
      // GET namespace; GET + dry-run + apply of the ConfigMap
      assertEquals(4, sent.requests(), sent.toString());
      assertEquals(1, sent.writes(), sent.toString());
      assertEquals(1, sent.dryRuns(), sent.toString());
    }
  }

  @Test
  void choosesTheContextAskedForAndRefusesAnUnknownOne(TestApiServer server, @TempDir Path dir) throws Exception {
    Path kubeconfig = Files.writeString(dir.resolve("config"), server.kubeConfigYaml());
    String context;
    try (Kube kube = Kube.connect(kubeconfig, null)) {
      context = server.config().getCurrentContext().getName();
    }
    try (Kube kube = Kube.connect(kubeconfig, context)) {
      assertEquals(server.url().toString(), kube.client().getMasterUrl().toString());
    }
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Kube.connect(kubeconfig, "no-such-context"));
    assertTrue(e.getMessage().contains("no context no-such-context"), e.getMessage());
  }

  @Test
  void aMissingKubeconfigSaysWhatToDo(@TempDir Path dir) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Kube.connect(dir.resolve("nope"), null));
    assertTrue(e.getMessage().contains("$KUBECONFIG"), e.getMessage());
  }
}
