package dev.clusterc.cli;

import dev.clusterc.compiler.api.ClusterCompiler;
import dev.clusterc.compiler.source.WorkingDirectory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Checks that a command-line PATH names a cluster (a directory of {@code .cluster} files or one
 * {@code .cluster} file) before the compiler sees it, so that a typo is a one-line failure rather
 * than a confusing diagnostic.
 */
final class ClusterRoots {
  static final String SHAPE = "a cluster is a directory of .cluster files or a single .cluster file";

  private ClusterRoots() {}

  /** Why {@code path} is not a cluster, or {@code null} when it is one. */
  static Failure problem(Path path, WorkingDirectory cwd) throws IOException {
    String shown = path.toString();
    if (!Files.exists(path)) {
      return new Failure(shown, "no such file or directory", existingParentHint(path));
    }
    if (Files.isDirectory(path)) {
      if (!Files.isReadable(path)) {
        return Failure.of(shown, "permission denied");
      }
      if (ClusterCompiler.clusterFiles(path).isEmpty()) {
        return new Failure(shown, "no .cluster files in " + shown, subclusterHint(path, cwd));
      }
      return null;
    }
    if (!Files.isRegularFile(path)) {
      return new Failure(shown, "not a regular file or directory", SHAPE);
    }
    if (!path.getFileName().toString().endsWith(".cluster")) {
      return new Failure(shown, "not a .cluster file", SHAPE);
    }
    if (!Files.isReadable(path)) {
      return Failure.of(shown, "permission denied");
    }
    return null;
  }

  /** Names the subdirectories that are clusters, for {@code clusterc check examples}. */
  private static String subclusterHint(Path dir, WorkingDirectory cwd) throws IOException {
    List<String> clusters = new ArrayList<>();
    try (Stream<Path> children = Files.list(dir)) {
      for (Path child : children.sorted().toList()) {
        if (Files.isDirectory(child) && Files.isReadable(child) && !ClusterCompiler.clusterFiles(child).isEmpty()) {
          clusters.add(cwd.display(child));
        }
      }
    }
    if (clusters.isEmpty()) {
      return SHAPE;
    }
    int shown = Math.min(clusters.size(), 4);
    String list = String.join(", ", clusters.subList(0, shown)) + (clusters.size() > shown ? ", …" : "");
    return "its subdirectories are clusters; check them one by one or together: " + list;
  }

  private static String existingParentHint(Path path) {
    Path absolute = path.toAbsolutePath().normalize();
    Path parent = absolute.getParent();
    if (parent != null && !Files.isDirectory(parent)) {
      return null;
    }
    String name = absolute.getFileName() == null ? "" : absolute.getFileName().toString();
    if (!name.endsWith(".cluster") && Files.isRegularFile(absolute.resolveSibling(name + ".cluster"))) {
      return "did you mean " + path + ".cluster?";
    }
    return null;
  }
}
