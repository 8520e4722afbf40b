package dev.clusterc.compiler.emit;

import io.fabric8.kubernetes.api.model.HasMetadata;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The GitOps tree, written to the directory the Kustomizations' paths name ({@code PATH}, the
 * {@code gitops flux} {@code path} inside the repository): {@code PATH/flux/} holds the GitRepository
 * and the Kustomizations, and each unit is a directory {@code PATH/LAYER/UNIT/} with one file per
 * object, the files it includes as they are, and a {@code kustomization.yaml} listing them, so
 * {@code kubectl kustomize} builds every unit. Included files that name no namespace are in a
 * subdirectory per namespace ({@code UNIT/NAMESPACE/}) whose own kustomization sets it. Talos
 * patches go to {@code PATH/talos/}.
 *
 * <p>With Flux, {@code PATH/kustomization.yaml} lists {@code flux/} alone (and {@code flux-system/}
 * once {@code flux bootstrap} has written it), so that {@code flux bootstrap --path=PATH} works:
 * Flux's kustomize-controller uses a kustomization file it finds at the root as it is, and only
 * generates one (of every YAML file below, units and Talos patches included) when there is none;
 * that would apply every unit at once, without order or decryption, and fail on the patches.
 */
public final class GitOpsLayout {
  /** The file names kustomize (and Flux's generator) take as a directory's kustomization. */
  static final List<String> KUSTOMIZATION_FILES = List.of("kustomization.yaml", "kustomization.yml", "Kustomization");

  /** The directory {@code flux bootstrap} writes its own manifests to (its namespace) inside {@code PATH}. */
  public static final String BOOTSTRAP_DIR = "flux-system";

  private GitOpsLayout() {}

  /** Writes the tree of a compilation into {@code treeDir}, which is also where it stays. */
  public static void write(Compilation compilation, Path treeDir) throws IOException {
    write(compilation, treeDir, treeDir);
  }

  /**
   * Writes the tree of a compilation into {@code clusterDir} (empty or absent, or the tree itself),
   * for the place {@code home} where it will live: the root kustomization lists {@code flux-system/}
   * when {@code home} already has one with a kustomization file in it.
   */
  public static void write(Compilation compilation, Path clusterDir, Path home) throws IOException {
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
        Files.copy(include.getValue(), target, StandardCopyOption.REPLACE_EXISTING);
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
      writeText(clusterDir.resolve("kustomization.yaml"), kustomization(null, rootResources(home)));
    }
    for (Map.Entry<String, String> file : compilation.outside().entrySet()) {
      writeText(clusterDir.resolve("talos").resolve(file.getKey()), file.getValue());
    }
  }

  /**
   * True when {@code flux bootstrap} has written its manifests into the tree at {@code treeDir}: a
   * {@code flux-system/} directory with a kustomization file, which is what bootstrap generates there.
   */
  public static boolean bootstrapped(Path treeDir) {
    Path dir = treeDir.resolve(BOOTSTRAP_DIR);
    return KUSTOMIZATION_FILES.stream().anyMatch(name -> Files.isRegularFile(dir.resolve(name)));
  }

  /** What Flux builds at the root: bootstrap's own manifests first when they are there, then ours. */
  static List<String> rootResources(Path home) {
    return bootstrapped(home) ? List.of(BOOTSTRAP_DIR, "flux") : List.of("flux");
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
