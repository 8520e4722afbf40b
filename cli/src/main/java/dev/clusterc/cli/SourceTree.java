package dev.clusterc.cli;

import dev.clusterc.compiler.source.WorkingDirectory;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The {@code .cluster} files below a directory, for {@code fmt}: recursive, sorted, skipping build
 * output and tool directories, and not following symbolic links.
 */
final class SourceTree {
  /** Directories that hold copies or other people's files, never sources to format. */
  static final Set<String> SKIPPED = Set.of("target", ".git", "node_modules");

  private SourceTree() {}

  /** The files found; directories that cannot be read are added to {@code failures}. */
  static List<Path> clusterFiles(Path root, WorkingDirectory cwd, List<Failure> failures) throws IOException {
    List<Path> files = new ArrayList<>();
    Path start = root.toAbsolutePath().normalize();
    Files.walkFileTree(start, new SimpleFileVisitor<>() {
      @Override
      public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
        boolean skip = !dir.equals(start) && SKIPPED.contains(dir.getFileName().toString());
        return skip ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
        if (attrs.isRegularFile() && file.getFileName().toString().endsWith(".cluster")) {
          files.add(file);
        }
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult visitFileFailed(Path file, IOException e) {
        failures.add(Failure.of(cwd.display(file), e));
        return FileVisitResult.CONTINUE;
      }
    });
    files.sort(null);
    return files;
  }
}
