package dev.clusterc.cli.watch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** Copies of the repository's examples for tests that edit them. */
final class Examples {
  private Examples() {}

  /** The example's sources (not its golden {@code expected/} tree) copied under {@code into}. */
  static Path copy(String example, Path into) {
    Path from = repo().resolve("examples").resolve(example);
    Path to = into.resolve(example);
    try (Stream<Path> files = Files.walk(from)) {
      for (Path file : files.toList()) {
        Path relative = from.relativize(file);
        if (relative.startsWith("expected")) {
          continue;
        }
        if (Files.isDirectory(file)) {
          Files.createDirectories(to.resolve(relative.toString()));
        } else {
          Files.copy(file, to.resolve(relative.toString()));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return to;
  }

  /** The repository root: Maven's {@code clusterc.repo}, else the nearest parent with {@code grammar/}. */
  static Path repo() {
    String property = System.getProperty("clusterc.repo");
    if (property != null && Files.isDirectory(Path.of(property, "grammar"))) {
      return Path.of(property).toAbsolutePath().normalize();
    }
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null && !Files.isDirectory(dir.resolve("grammar"))) {
      dir = dir.getParent();
    }
    if (dir == null) {
      throw new IllegalStateException("cannot find the repository root from " + Path.of("").toAbsolutePath());
    }
    return dir;
  }
}
