package dev.clusterc.compiler.format;

import dev.clusterc.compiler.Repo;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** Finds the repository and its {@code .cluster} files, for the tests that read files on disk. */
final class RepoFiles {
  private RepoFiles() {}

  static Path root() {
    return Repo.root();
  }

  /** The golden files of the formatter, in the source tree (so that updates land there). */
  static Path goldenDir() {
    return root().resolve("compiler/src/test/resources/format");
  }

  /** Every {@code .cluster} file under {@code dir}, sorted, skipping build output and hidden directories. */
  static List<Path> clusterFiles(Path dir) {
    List<Path> files = new ArrayList<>();
    try (Stream<Path> walk = Files.walk(dir)) {
      walk.filter(p -> p.toString().endsWith(".cluster") && Files.isRegularFile(p))
          .filter(p -> dir.relativize(p).getNameCount() > 0 && !skipped(dir.relativize(p)))
          .sorted()
          .forEach(files::add);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return files;
  }

  private static boolean skipped(Path relative) {
    for (int i = 0; i < relative.getNameCount() - 1; i++) {
      String part = relative.getName(i).toString();
      if (part.equals("target") || part.startsWith(".") || part.equals("node_modules")) {
        return true;
      }
    }
    return false;
  }

  static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The text of a file, or empty when it is not UTF-8 (such a file is reported, never parsed). */
  static Optional<String> readUtf8(Path file) {
    try {
      return Optional.of(StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(Files.readAllBytes(file))).toString());
    } catch (CharacterCodingException e) {
      return Optional.empty();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
