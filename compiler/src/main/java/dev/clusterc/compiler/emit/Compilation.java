package dev.clusterc.compiler.emit;

import dev.clusterc.compiler.program.Program;
import dev.clusterc.compiler.program.TreePath;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.List;
import java.util.Map;

/**
 * What a checked cluster compiles to: its units in apply order (the cluster-wide unit first), the
 * Flux objects that deploy them, and files that live outside the Kubernetes tree (Talos patches).
 *
 * @param name the cluster's name
 * @param treePath where the GitOps tree lands below {@code -o DIR}, the root of the Git repository:
 *     the {@code path} of {@code gitops flux}, {@code clusters/NAME} by default (also without gitops),
 *     {@code /}-separated, without a leading {@code ./} or a trailing {@code /}; see {@link #treePath(Program)}
 * @param flux the GitRepository and one Kustomization per unit; empty without {@code gitops flux}
 * @param outside file name → text, written under {@code talos/} in the tree
 */
public record Compilation(String name, String treePath, List<Unit> units, List<HasMetadata> flux, Map<String, String> outside) {
  /**
   * The one place the tree's path is computed, so the directory the layout writes and the paths
   * the Flux Kustomizations point at ({@code ./<treePath>/LAYER/UNIT}) cannot disagree.
   */
  static String treePath(Program program) {
    return TreePath.of(program.cluster().orElseThrow());
  }
}
