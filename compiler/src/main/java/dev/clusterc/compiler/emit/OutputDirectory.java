package dev.clusterc.compiler.emit;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Replaces a directory as a whole: everything is written into a temporary sibling first and moved
 * into place only when complete, so a failure never leaves a half-written tree and the previous
 * tree survives until the new one is ready.
 */
public final class OutputDirectory {
  /** Writes a tree into the empty directory it is given. */
  @FunctionalInterface
  public interface Writer {
    void write(Path dir) throws IOException;
  }

  private OutputDirectory() {}

  public static void replace(Path target, Writer writer) throws IOException {
    Path absolute = target.toAbsolutePath().normalize();
    Path parent = absolute.getParent();
    Files.createDirectories(parent);
    Path fresh = Files.createTempDirectory(parent, "." + absolute.getFileName() + ".new-");
    try {
      writer.write(fresh);
    } catch (IOException | RuntimeException e) {
      delete(fresh);
      throw e;
    }
    Path old = null;
    if (Files.exists(absolute)) {
      old = Files.createTempDirectory(parent, "." + absolute.getFileName() + ".old-");
      Files.delete(old);
      move(absolute, old);
    }
    move(fresh, absolute);
    if (old != null) {
      delete(old);
    }
  }

  private static void move(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(from, to);
    }
  }

  static void delete(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    }
  }
}
