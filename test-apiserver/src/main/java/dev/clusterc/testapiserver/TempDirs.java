package dev.clusterc.testapiserver;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Removes a test server's temp directory; best effort, since a leftover file fails no test. */
final class TempDirs {

  private TempDirs() {}

  static void deleteTree(Path dir) {
    if (dir == null || !Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(path -> {
        try {
          Files.deleteIfExists(path);
        } catch (IOException e) {
          // best effort: a temp file left behind is no test failure
        }
      });
    } catch (IOException e) {
      // best effort
    }
  }
}
