package dev.clusterc.compiler.layout;

import dev.clusterc.compiler.emit.Compilation;
import dev.clusterc.compiler.emit.argocd.ArgoCdObjects;
import dev.clusterc.compiler.emit.argocd.ArgoCdSettings;
import dev.clusterc.compiler.emit.argocd.HealthPatch;
import dev.clusterc.compiler.emit.core.ObjectOrder;
import dev.clusterc.compiler.emit.core.Unit;
import dev.clusterc.compiler.kube.KubeObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The GitOps tree of one cluster, written into the directory that lands at {@code DIR/PATH}
 * ({@link Compilation#path()}, the {@code gitops flux} {@code path} inside the repository):
 * {@code flux/} holds the GitRepository and the Kustomizations, and each unit is a directory
 * {@code LAYER/UNIT/} with one file per object, the files it includes as they are, and a
 * {@code kustomization.yaml} listing them, so {@code kubectl kustomize} builds every unit. Included
 * files that name no namespace are in a subdirectory per namespace ({@code UNIT/NAMESPACE/}) whose
 * own kustomization sets it. Talos patches go to {@code talos/}. Every path goes through a
 * {@link TreeWriter}, which refuses escapes and collisions.
 *
 * <p>With Argo CD, {@code argocd/} holds the Applications instead ({@link #argocd}).
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
   * Writes the tree of a compilation into {@code treeDir} (empty or absent), for the place
   * {@code home} where it will live: the root kustomization lists {@code flux-system/} when
   * {@code home} already has one with a kustomization file in it.
   */
  public static void write(Compilation compilation, Path treeDir, Path home) throws IOException {
    TreeWriter tree = new TreeWriter(treeDir);
    for (Unit unit : compilation.units()) {
      if (!unit.hasDirectory(!compilation.flux().isEmpty())) {
        continue;
      }
      String dir = unit.layer() + "/" + unit.name() + "/";
      String what = "unit `" + unit.name() + "`";
      List<String> resources = new ArrayList<>();
      List<KubeObject> ordered = ObjectOrder.applyOrder(unit.objects());
      List<String> files = ObjectOrder.fileNames(ordered);
      for (int i = 0; i < ordered.size(); i++) {
        tree.object(dir + files.get(i), ordered.get(i), ObjectOrder.describe(ordered.get(i)));
        resources.add(files.get(i));
      }
      Map<String, List<String>> placed = new TreeMap<>();
      for (Map.Entry<String, Path> include : unit.includes().entrySet()) {
        tree.bytes(dir + include.getKey(), unit.content(include.getKey()), "the file " + include.getKey() + " of " + what);
        int slash = include.getKey().indexOf('/');
        if (slash < 0) {
          resources.add(include.getKey());
        } else {
          placed.computeIfAbsent(include.getKey().substring(0, slash), n -> new ArrayList<>())
              .add(include.getKey().substring(slash + 1));
        }
      }
      for (Map.Entry<String, List<String>> namespace : placed.entrySet()) {
        tree.text(dir + namespace.getKey() + "/kustomization.yaml", kustomization(namespace.getKey(), namespace.getValue()),
            "the kustomization of namespace " + namespace.getKey() + " in " + what);
        resources.add(namespace.getKey());
      }
      tree.text(dir + "kustomization.yaml", kustomization(null, resources), "the kustomization of " + what);
    }
    if (!compilation.flux().isEmpty()) {
      List<String> resources = new ArrayList<>();
      List<String> files = ObjectOrder.fileNames(compilation.flux());
      for (int i = 0; i < files.size(); i++) {
        KubeObject object = compilation.flux().get(i);
        tree.object("flux/" + files.get(i), object, "Flux's " + ObjectOrder.describe(object));
        resources.add(files.get(i));
      }
      tree.text("flux/kustomization.yaml", kustomization(null, resources), "the kustomization of the Flux objects");
      tree.text("kustomization.yaml", kustomization(null, rootResources(home)), "the root kustomization Flux builds");
    }
    if (compilation.argocd() != null) {
      argocd(compilation.argocd(), tree);
    }
    for (Map.Entry<String, String> file : compilation.outside().entrySet()) {
      tree.text("talos/" + file.getKey(), file.getValue(), "the Talos patch " + file.getKey());
    }
  }

  /**
   * With Argo CD: {@code argocd/apps/} holds one Application per unit (and the OCI repository
   * declarations) with a kustomization listing them, which the root Application syncs;
   * {@code argocd/root.yaml} is the root Application, applied once by hand, and beside it the patch
   * that gives Argo CD a health check for Applications. A unit that only releases charts has no
   * directory: its Application reads the charts from their repositories.
   */
  private static void argocd(ArgoCdObjects argocd, TreeWriter tree) throws IOException {
    List<String> resources = new ArrayList<>();
    List<String> files = ObjectOrder.fileNames(argocd.apps());
    for (int i = 0; i < files.size(); i++) {
      KubeObject object = argocd.apps().get(i);
      tree.object(ArgoCdSettings.APPS_DIR + "/" + files.get(i), object, "Argo CD's " + ObjectOrder.describe(object));
      resources.add(files.get(i));
    }
    tree.text(ArgoCdSettings.APPS_DIR + "/kustomization.yaml", kustomization(null, resources),
        "the kustomization of the Argo CD Applications");
    tree.object(ArgoCdSettings.ROOT_FILE, argocd.root(), "the root Application");
    tree.text(HealthPatch.FILE, HealthPatch.text(), "the health check patch of argocd-cm");
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
    if (resources.isEmpty()) {
      // A barrier unit holds nothing (LadderOrder); kustomize refuses `resources:` with no items as empty.
      out.append("resources: []\n");
    } else {
      out.append("resources:\n");
      resources.forEach(r -> out.append("  - ").append(r).append('\n'));
    }
    return out.toString();
  }
}
