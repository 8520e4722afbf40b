package dev.clusterc.cli;

import dev.clusterc.compiler.api.CompiledCluster;
import dev.clusterc.compiler.source.WorkingDirectory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Where each cluster's output lands below {@code -o DIR}, and the checks made on those places
 * before anything is written: an output must not be, contain or lie inside the sources of a cluster
 * being compiled (real paths compared, symbolic links resolved), the gitops path must stay inside
 * {@code DIR}, and two clusters' outputs must not be one or nest.
 */
final class OutputPlacement {
  private OutputPlacement() {}

  /** Why {@code -o} cannot be used as given, or {@code null}. */
  static Failure outputProblem(String output) {
    if (output.isBlank()) {
      return new Failure("-o", "an empty output directory",
          "give -o DIR, the root of your Git repository (each cluster's tree goes to DIR/<gitops path>), or -o - for standard output");
    }
    return null;
  }

  /** Why the gitops path of {@code cluster} cannot be written below {@code -o DIR}, or {@code null}. */
  static Failure treePathProblem(CompiledCluster cluster) {
    String treePath = cluster.gitopsPath();
    return cluster.gitopsPathProblem()
        .map(problem -> new Failure(null, "the gitops path `" + treePath.replace('\0', '?') + "` of cluster `" + cluster.name()
            + "` is not a directory inside -o DIR: " + problem,
            "write a relative path such as \"clusters/" + cluster.name() + "\" in `gitops flux { path … }`"))
        .orElse(null);
  }

  /**
   * Why {@code target} (a cluster's tree, or its flat file) may not be written because of the
   * sources {@code roots} (cluster directories or single {@code .cluster} files), or {@code null}.
   */
  static Failure sourceProblem(Path target, List<Path> roots, WorkingDirectory cwd) throws IOException {
    Path output = real(target);
    for (Path root : roots) {
      Path source = root.toRealPath();
      String relation = output.equals(source) ? "is"
          : source.startsWith(output) ? "contains"
          : Files.isDirectory(source) && output.startsWith(source) ? "lies inside" : null;
      if (relation != null) {
        return new Failure(cwd.display(target),
            relation + " the sources " + cwd.display(root) + "; nothing written, to keep them apart from generated files",
            "give -o the root of your Git repository: each tree goes to DIR/<gitops path> (default clusters/CLUSTER), "
                + "which must be outside every cluster's directory");
      }
    }
    return null;
  }

  /** The real path of {@code path}, or of its deepest existing parent followed by the rest, for a path not yet created. */
  static Path real(Path path) throws IOException {
    Path absolute = path.toAbsolutePath().normalize();
    Path existing = absolute;
    while (existing.getParent() != null && !Files.exists(existing)) {
      existing = existing.getParent();
    }
    return existing.toRealPath().resolve(existing.relativize(absolute)).normalize();
  }

  /** Whether two outputs are one place or one lies inside the other. */
  static boolean overlap(Path a, Path b) {
    return a.startsWith(b) || b.startsWith(a);
  }
}
