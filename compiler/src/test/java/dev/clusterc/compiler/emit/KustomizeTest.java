package dev.clusterc.compiler.emit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.clusterc.compiler.emit.argocd.ArgoCdSettings;
import dev.clusterc.compiler.emit.core.Unit;
import dev.clusterc.compiler.layout.GitOpsLayout;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every unit of every example with a directory, and each flux (or Argo CD apps) directory, builds with the real {@code kubectl kustomize},
 * and every namespaced object it builds names its namespace (Flux applies nothing without one).
 */
class KustomizeTest {
  @TempDir
  Path temp;

  @TestFactory
  Stream<DynamicTest> everyUnitBuilds() throws Exception {
    List<DynamicTest> tests = new ArrayList<>();
    for (Path example : Examples.compilable()) {
      Compilation compilation = Examples.compile(example);
      Path tree = temp.resolve(example.getFileName().toString()); // two examples are clusters named home-ops
      GitOpsLayout.write(compilation, tree);
      List<Path> dirs = new ArrayList<>();
      for (Unit unit : compilation.units()) {
        Path dir = tree.resolve(unit.layer()).resolve(unit.name());
        if (!unit.hasDirectory(!compilation.flux().isEmpty())) {
          tests.add(DynamicTest.dynamicTest(tree.relativize(dir) + " of " + example.getFileName() + " is not written",
              () -> assertFalse(Files.exists(dir))));
          continue;
        }
        dirs.add(dir);
      }
      if (!compilation.flux().isEmpty()) {
        dirs.add(tree.resolve("flux"));
      }
      if (compilation.argocd() != null) {
        dirs.add(tree.resolve(ArgoCdSettings.APPS_DIR));
      }
      for (Path dir : dirs) {
        tests.add(DynamicTest.dynamicTest(tree.relativize(dir).toString() + " of " + example.getFileName(), () -> build(dir)));
      }
    }
    return tests.stream();
  }

  private static void build(Path dir) throws Exception {
    Process process = new ProcessBuilder("kubectl", "kustomize", dir.toString()).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(process.waitFor(2, TimeUnit.MINUTES), "kubectl kustomize finishes");
    assertEquals(0, process.exitValue(), output);
    long documents = Files.readString(dir.resolve("kustomization.yaml")).lines().filter(l -> l.startsWith("  - ")).count();
    assertTrue(output.contains("apiVersion:") || documents == 0, output);
    try (MappingIterator<JsonNode> objects = new ObjectMapper(new YAMLFactory()).readerFor(JsonNode.class).readValues(output)) {
      while (objects.hasNext()) {
        JsonNode object = objects.next();
        String kind = object.path("kind").asText();
        String namespace = object.path("metadata").path("namespace").asText("");
        assertEquals(!CLUSTER_SCOPED.contains(kind), !namespace.isEmpty(),
            kind + " " + object.path("metadata").path("name").asText() + " in " + dir + ": namespace `" + namespace + "`");
      }
    }
  }

  /** The cluster-scoped kinds the compiler emits; every other object must name its namespace, or Flux refuses it. */
  private static final Set<String> CLUSTER_SCOPED = Set.of("Namespace", "ClusterRole", "ClusterRoleBinding",
      "PersistentVolume", "ClusterIssuer", "ClusterSecretStore", "CiliumLoadBalancerIPPool", "CiliumL2AnnouncementPolicy",
      "StorageClass", "CustomResourceDefinition");
}
