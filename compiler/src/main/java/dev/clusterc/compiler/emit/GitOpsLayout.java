package dev.clusterc.compiler.emit;

import io.fabric8.kubernetes.api.model.HasMetadata;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The GitOps tree: {@code CLUSTER/flux/} holds the GitRepository and the Kustomizations, and each
 * unit is a directory {@code CLUSTER/LAYER/UNIT/} with one file per object, the files it includes
 * as they are, and a {@code kustomization.yaml} listing them, so {@code kubectl kustomize} builds
 * every unit. Included files that name no namespace are in a subdirectory per namespace
 * ({@code UNIT/NAMESPACE/}) whose own kustomization sets it. Talos patches go to {@code CLUSTER/talos/}.
 */
public final class GitOpsLayout {
  private GitOpsLayout() {}

  /** Writes the tree of a compilation into {@code clusterDir} (which must be empty or absent). */
  public static void write(Compilation compilation, Path clusterDir) throws IOException {
    for (Unit unit : compilation.units()) {
      Path dir = clusterDir.resolve(unit.layer()).resolve(unit.name());
      List<String> resources = new ArrayList<>();
      List<HasMetadata> ordered = ObjectOrder.applyOrder(unit.objects());
      for (HasMetadata object : ordered) {
        String file = ObjectOrder.fileName(object, ordered);
        writeText(dir.resolve(file), Yaml.write(object));
        resources.add(file);
      }
      Map<String, List<String>> placed = new TreeMap<>();
      for (Map.Entry<String, Path> include : unit.includes().entrySet()) {
        Path target = dir.resolve(include.getKey());
        Files.createDirectories(target.getParent());
        Files.write(target, unit.content(include.getKey()));
        int slash = include.getKey().indexOf('/');
        if (slash < 0) {
          resources.add(include.getKey());
        } else {
          placed.computeIfAbsent(include.getKey().substring(0, slash), n -> new ArrayList<>())
              .add(include.getKey().substring(slash + 1));
        }
      }
      for (Map.Entry<String, List<String>> namespace : placed.entrySet()) {
        writeText(dir.resolve(namespace.getKey()).resolve("kustomization.yaml"),
            kustomization(namespace.getKey(), namespace.getValue()));
        resources.add(namespace.getKey());
      }
      writeText(dir.resolve("kustomization.yaml"), kustomization(null, resources));
    }
    if (!compilation.flux().isEmpty()) {
      Path dir = clusterDir.resolve("flux");
      List<String> resources = new ArrayList<>();
      for (HasMetadata object : compilation.flux()) {
        String file = ObjectOrder.fileName(object, compilation.flux());
        writeText(dir.resolve(file), Yaml.write(object));
        resources.add(file);
      }
      writeText(dir.resolve("kustomization.yaml"), kustomization(null, resources));
    }
    for (Map.Entry<String, String> file : compilation.outside().entrySet()) {
      writeText(clusterDir.resolve("talos").resolve(file.getKey()), file.getValue());
    }
  }

  /** A kustomization.yaml listing {@code resources}, putting them in {@code namespace} when it is given. */
  static String kustomization(String namespace, List<String> resources) {
    StringBuilder out = new StringBuilder("apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\n");
    if (namespace != null) {
      out.append("namespace: ").append(namespace).append('\n');
    }
    out.append("resources:\n");
    resources.forEach(r -> out.append("  - ").append(r).append('\n'));
    return out.toString();
  }

  private static void writeText(Path file, String text) throws IOException {
    Files.createDirectories(file.getParent());
    Files.writeString(file, text, StandardCharsets.UTF_8);
  }
}
