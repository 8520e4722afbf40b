package dev.clusterc.compiler.emit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.clusterc.compiler.Repo;
import dev.clusterc.compiler.layout.GitOpsLayout;
import dev.clusterc.compiler.kube.KubeObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The tree lands where its own Kustomizations look for it: {@code ./<treePath>/LAYER/UNIT} exists below -o DIR. */
class TreePlacementTest {
  @TempDir
  Path repo;

  @Test
  void theTreePathIsTheGitopsPathOrClustersName() throws Exception {
    assertEquals("clusters/homelab", Examples.compile(Repo.root().resolve("examples/homelab")).path());
    assertEquals("gitops/clusters/homelab", Examples.compile(Repo.root().resolve("examples/ddd-homelab")).path());
    assertEquals("clusters/failover-pair", Examples.compile(Repo.root().resolve("examples/failover-pair")).path(),
        "the default, with gitops flux");
    assertEquals("clusters/microk8s-cnpg", Examples.compile(Repo.root().resolve("examples/microk8s-cnpg")).path(),
        "the default, also without gitops flux");
  }

  @Test
  void everyKustomizationPathResolvesInTheRepository() throws Exception {
    for (Path example : Examples.compilable()) {
      Compilation compilation = Examples.compile(example);
      Path root = repo.resolve(example.getFileName().toString()); // each example is a repository of its own
      GitOpsLayout.write(compilation, root.resolve(compilation.path()));
      for (KubeObject object : compilation.flux()) {
        if (object.kind().equals("Kustomization")) {
          Object path = ((Map<?, ?>) object.get("spec")).get("path");
          assertTrue(path.toString().startsWith("./" + compilation.path() + "/"), path.toString());
          assertTrue(Files.isRegularFile(root.resolve(path.toString()).resolve("kustomization.yaml")), example + ": " + path);
        }
      }
    }
    assertFalse(Examples.compilable().isEmpty());
  }
}
