package dev.clusterc.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Golden files of the protocol tests: what a request answered, rendered as text, compared with a
 * file under {@code src/test/resources}; rewritten only on request ({@code -Dclusterc.update=true}
 * or {@code CLUSTERC_UPDATE=1}), as the compiler's goldens are.
 */
final class Goldens {
  static final Path ROOT = Path.of("src/test/resources");

  private Goldens() {}

  static boolean updating() {
    return Boolean.getBoolean("clusterc.update") || "1".equals(System.getenv("CLUSTERC_UPDATE"));
  }

  /** Asserts that {@code actual} is the text of the golden file {@code name} (relative to the resources). */
  static void check(String name, String actual) throws IOException {
    Path file = ROOT.resolve(name);
    if (updating()) {
      Files.createDirectories(file.getParent());
      Files.writeString(file, actual);
      return;
    }
    if (!Files.isRegularFile(file)) {
      throw new AssertionError("no golden file " + file + "; run with -Dclusterc.update=true to write it, then review it. Actual:\n" + actual);
    }
    assertEquals(Files.readString(file), actual, "golden file " + file + " (rewrite with -Dclusterc.update=true)");
  }
}
