package dev.clusterc.runtime.kube;

import static dev.clusterc.runtime.kube.Objects.namespace;
import static dev.clusterc.runtime.kube.Objects.one;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.clusterc.runtime.model.Change;
import dev.clusterc.testapiserver.TestApiServer;
import dev.clusterc.testapiserver.WithTestApiServer;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A Secret first applied by the real kubectl carries its data in kubectl's last-applied annotation; a
 * plan by clusterc must show neither the value nor its base64, whichever diff it takes.
 */
@WithTestApiServer(crds = false)
class KubectlSecretDiffTest {
  private static final String OLD = "kubectl-secret-value";
  private static final String NEW = "clusterc-secret-value";

  @TempDir
  static Path dir;

  @Test
  void aSecretAppliedByKubectlNeverShowsItsValuesInClustercsPlan(TestApiServer server) throws Exception {
    try (Kube kube = Kube.of(server.config())) {
      ObjectApplier applier = new ObjectApplier(kube.client());
      applier.apply(namespace("kubectl-made"), ApplyFlags.NONE);
      String secret = "{apiVersion: v1, kind: Secret, metadata: {name: db, namespace: kubectl-made}, "
          + "stringData: {password: %s}}";
      Path kubeconfig = Files.writeString(dir.resolve("kubeconfig"), server.kubeConfigYaml());
      Path manifest = Files.writeString(dir.resolve("secret.yaml"), """
          apiVersion: v1
          kind: Secret
          metadata: {name: db, namespace: kubectl-made}
          stringData: {password: %s}
          """.formatted(OLD));
      Process kubectl = new ProcessBuilder(System.getProperty("clusterc.kubectl", "kubectl"), "--kubeconfig",
          kubeconfig.toString(), "apply", "-f", manifest.toString()).redirectErrorStream(true).start();
      String output = new String(kubectl.getInputStream().readAllBytes());
      assertEquals(0, kubectl.waitFor(), output);
      GenericKubernetesResource live = kube.client().genericKubernetesResources("v1", "Secret")
          .inNamespace("kubectl-made").withName("db").get();
      String lastApplied = String.valueOf(live.getMetadata().getAnnotations().get(ObjectTree.LAST_APPLIED));
      assertTrue(lastApplied.contains(OLD), "kubectl recorded the value it applied: " + lastApplied.length());

      ObjectChange changed = applier.plan(one(secret.formatted(NEW)));
      assertEquals(Change.CONFIGURED, changed.change());
      assertHidden(changed);

      // a dry run that differs only outside what clusterc manages: the whole-object fallback is never taken
      GenericKubernetesResource dryRun = Serialization.copy(live);
      dryRun.getMetadata().setLabels(Map.of("changed", "elsewhere"));
      ObjectChange elsewhere = new ObjectDiff().compare(live, dryRun, one(secret.formatted(OLD)), "", List.of());
      assertEquals(Change.CONFIGURED, elsewhere.change());
      assertHidden(elsewhere);
    }
  }

  private static void assertHidden(ObjectChange change) {
    String shown = change.diff() + "\n" + change.detail();
    for (String value : List.of(OLD, NEW)) {
      assertFalse(shown.contains(value), shown);
      assertFalse(shown.contains(Base64.getEncoder().encodeToString(value.getBytes())), shown);
    }
    assertFalse(shown.contains("last-applied-configuration"), shown);
  }

  /** A deep copy through JSON. */
  private static final class Serialization {
    static GenericKubernetesResource copy(GenericKubernetesResource object) {
      return io.fabric8.kubernetes.client.utils.Serialization.clone(object);
    }
  }
}
