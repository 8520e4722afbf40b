package dev.clusterc.cli.fuzz;

import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Where one job runs its inputs: a private root holding a workspace nested ten directories deep
 * ({@code g0/…/g9/ws/src} for the sources, {@code ws/out} for the output) and an {@code outside/}
 * directory. Any write that climbs out of the output with {@code ../}, or goes to an absolute path
 * into {@code outside/}, still lands inside the root, where {@link TreeSnapshot} sees it.
 */
final class Sandbox {
  static final int DEPTH = 10;

  final Path root;
  final Path workspace;
  final Path src;
  final Path out;
  final Path outside;

  Sandbox(Path parent) throws IOException {
    root = Files.createTempDirectory(parent, "job");
    Path dir = root;
    for (int i = 0; i < DEPTH; i++) {
      dir = dir.resolve("g" + i);
    }
    workspace = dir.resolve("ws");
    src = workspace.resolve("src");
    out = workspace.resolve("out");
    outside = root.resolve("outside");
    Files.createDirectories(outside);
    Files.writeString(outside.resolve("victim.yaml"), "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: victim}\n");
  }

  /** Writes the input into a fresh {@code src/} and an empty {@code out/}. */
  void prepare(FuzzInput input) throws IOException {
    deleteTree(src);
    deleteTree(out);
    Files.createDirectories(out);
    materialize(input, src, outside);
  }

  /**
   * Writes the input's files under {@code dir}, with {@link FuzzInput#OUTSIDE} standing for
   * {@code outsideDir}. A path that cannot be made (its parent is a link or a FIFO) is skipped.
   */
  static void materialize(FuzzInput input, Path dir, Path outsideDir) throws IOException {
    Files.createDirectories(dir);
    String outsidePath = outsideDir.toAbsolutePath().toString();
    for (Map.Entry<String, FuzzInput.Node> entry : input.files.entrySet()) {
      Path path;
      try {
        path = dir.resolve(entry.getKey()).normalize();
      } catch (RuntimeException e) {
        continue;
      }
      if (!path.startsWith(dir)) {
        continue;
      }
      try {
        Files.createDirectories(path.getParent());
        FuzzInput.Node node = entry.getValue();
        if (node instanceof FuzzInput.Regular r) {
          Files.write(path, substitute(r.bytes(), outsidePath));
        } else if (node instanceof FuzzInput.Link l) {
          Files.createSymbolicLink(path, Path.of(l.target().replace(FuzzInput.OUTSIDE, outsidePath)));
        } else if (node instanceof FuzzInput.Dir) {
          Files.createDirectories(path);
        } else {
          mkfifo(path);
        }
      } catch (IOException | RuntimeException e) {
        // a path under a link, FIFO or file of the input itself: that entry is left out
      }
    }
  }

  private static byte[] substitute(byte[] bytes, String outsidePath) {
    String raw = new String(bytes, StandardCharsets.ISO_8859_1);
    if (!raw.contains(FuzzInput.OUTSIDE)) {
      return bytes;
    }
    return raw.replace(FuzzInput.OUTSIDE, outsidePath).getBytes(StandardCharsets.ISO_8859_1);
  }

  private static void mkfifo(Path path) throws IOException {
    try {
      Process process = new ProcessBuilder("mkfifo", path.toString()).redirectErrorStream(true).start();
      process.getInputStream().readAllBytes();
      if (process.waitFor() != 0) {
        throw new IOException("mkfifo " + path + " failed");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    }
  }

  /** The root's state outside {@code out/}: what a run must leave exactly as it was. */
  TreeSnapshot snapshot() throws IOException {
    return TreeSnapshot.of(root, out);
  }

  /**
   * Opens every FIFO of the sources for writing and closes it again, from daemon threads: a reader
   * blocked in open or read then sees the end of the file, so a hung run can finish.
   */
  void unblockFifos() {
    List<Path> fifos = new ArrayList<>();
    try {
      Files.walkFileTree(src, new SimpleFileVisitor<>() {
        @Override
        public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
          if (attrs.isOther()) {
            fifos.add(file);
          }
          return FileVisitResult.CONTINUE;
        }
      });
    } catch (IOException e) {
      return;
    }
    for (Path fifo : fifos) {
      Thread opener = new Thread(() -> {
        try (FileOutputStream stream = new FileOutputStream(fifo.toFile())) {
          stream.flush();
        } catch (IOException e) {
          // nobody was reading after all
        }
      }, "fuzz-fifo-opener");
      opener.setDaemon(true);
      opener.start();
    }
  }

  /** Deletes a tree without following links; missing is fine. */
  static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
      Files.deleteIfExists(dir);
      return;
    }
    Files.walkFileTree(dir, new SimpleFileVisitor<>() {
      @Override
      public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes attrs) throws IOException {
        d.toFile().setWritable(true);
        d.toFile().setExecutable(true);
        d.toFile().setReadable(true);
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
        Files.deleteIfExists(file);
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
        if (!(e instanceof NoSuchFileException)) {
          Files.deleteIfExists(file);
        }
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
        Files.deleteIfExists(d);
        return FileVisitResult.CONTINUE;
      }
    });
  }
}
