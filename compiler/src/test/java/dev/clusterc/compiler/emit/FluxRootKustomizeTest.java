package dev.clusterc.compiler.emit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.clusterc.compiler.layout.GitOpsLayout;
import dev.clusterc.compiler.kube.KubeObject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The tree is the target of {@code flux bootstrap --path=PATH}: bootstrap's Kustomization builds
 * {@code ./PATH}, and kustomize-controller uses the kustomization file it finds there as it is. So
 * the real {@code kubectl kustomize PATH} is what Flux applies, and it must be the Flux objects of
 * {@code flux/} (the units are theirs to apply, in order) — plus bootstrap's own manifests once
 * {@code PATH/flux-system/} exists when the tree is compiled.
 */
class FluxRootKustomizeTest {
  @TempDir
  Path temp;

  @TestFactory
  Stream<DynamicTest> theRootBuildsTheFluxObjectsOnly() throws Exception {
    List<DynamicTest> tests = new ArrayList<>();
    for (Path example : Examples.compilable()) {
      Compilation compilation = Examples.compile(example);
      Path repository = temp.resolve(example.getFileName().toString());
      Path tree = repository.resolve(compilation.path());
      tests.add(DynamicTest.dynamicTest(example.getFileName().toString(), () -> {
        GitOpsLayout.write(compilation, tree);
        if (compilation.flux().isEmpty()) {
          assertFalse(Files.exists(tree.resolve("kustomization.yaml")), "without Flux nothing builds the root");
          return;
        }
        assertEquals(names(compilation.flux()), built(tree), "what Flux applies from " + compilation.path());
        for (String path : kustomizationPaths(compilation)) {
          assertTrue(Files.isRegularFile(repository.resolve(path).resolve("kustomization.yaml")),
              path + " resolves inside the repository");
        }

        writeFakeBootstrap(tree);
        List<String> stale = built(tree);
        assertEquals(names(compilation.flux()), stale, "a root compiled before bootstrap leaves flux-system/ out");

        Path staging = temp.resolve("staging-" + example.getFileName());
        GitOpsLayout.write(compilation, staging, tree);
        Files.copy(staging.resolve("kustomization.yaml"), tree.resolve("kustomization.yaml"),
            StandardCopyOption.REPLACE_EXISTING);
        List<String> expected = new ArrayList<>(BOOTSTRAP_OBJECTS);
        expected.addAll(names(compilation.flux()));
        assertEquals(expected.stream().sorted().toList(), built(tree), "compiled again after bootstrap");
      }));
    }
    return tests.stream();
  }

  /** What {@code flux bootstrap} writes to {@code PATH/flux-system/}, cut down to one object of each file's kinds. */
  private static void writeFakeBootstrap(Path tree) throws Exception {
    Path dir = tree.resolve("flux-system");
    Files.createDirectories(dir);
    Files.writeString(dir.resolve("gotk-components.yaml"), """
        apiVersion: v1
        kind: Namespace
        metadata:
          name: flux-system
        ---
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: kustomize-controller
          namespace: flux-system
        spec:
          selector:
            matchLabels: {app: kustomize-controller}
          template:
            metadata:
              labels: {app: kustomize-controller}
            spec:
              containers:
                - name: manager
                  image: ghcr.io/fluxcd/kustomize-controller:v1.6.0
        """);
    Files.writeString(dir.resolve("gotk-sync.yaml"), """
        apiVersion: source.toolkit.fluxcd.io/v1
        kind: GitRepository
        metadata:
          name: flux-system
          namespace: flux-system
        spec:
          interval: 1m0s
          ref: {branch: main}
          secretRef: {name: flux-system}
          url: ssh://git@git.example/lab
        ---
        apiVersion: kustomize.toolkit.fluxcd.io/v1
        kind: Kustomization
        metadata:
          name: flux-system
          namespace: flux-system
        spec:
          interval: 10m0s
          path: ./clusters/lab
          prune: true
          sourceRef: {kind: GitRepository, name: flux-system}
        """);
    Files.writeString(dir.resolve("kustomization.yaml"), """
        apiVersion: kustomize.config.k8s.io/v1beta1
        kind: Kustomization
        resources:
        - gotk-components.yaml
        - gotk-sync.yaml
        """);
  }

  private static final List<String> BOOTSTRAP_OBJECTS = List.of("Namespace/null/flux-system",
      "Deployment/flux-system/kustomize-controller", "GitRepository/flux-system/flux-system",
      "Kustomization/flux-system/flux-system");

  private static List<String> names(List<KubeObject> objects) {
    return objects.stream().map(o -> o.kind() + "/" + o.namespace() + "/" + o.name())
        .sorted().toList();
  }

  private static List<String> kustomizationPaths(Compilation compilation) {
    return compilation.flux().stream().filter(o -> o.kind().equals("Kustomization"))
        .map(o -> o.get("spec"))
        .map(spec -> (String) ((Map<?, ?>) spec).get("path")).toList();
  }

  /** {@code kubectl kustomize DIR}, as {@code KIND/NAMESPACE/NAME}, sorted. */
  private static List<String> built(Path dir) throws Exception {
    Process process = new ProcessBuilder("kubectl", "kustomize", dir.toString()).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(process.waitFor(2, TimeUnit.MINUTES), "kubectl kustomize finishes");
    assertEquals(0, process.exitValue(), output);
    List<String> names = new ArrayList<>();
    try (MappingIterator<JsonNode> objects = new ObjectMapper(new YAMLFactory()).readerFor(JsonNode.class).readValues(output)) {
      while (objects.hasNext()) {
        JsonNode object = objects.next();
        JsonNode metadata = object.path("metadata");
        names.add(object.path("kind").asText() + "/" + metadata.path("namespace").asText("null") + "/"
            + metadata.path("name").asText());
      }
    }
    return names.stream().sorted().toList();
  }
}
