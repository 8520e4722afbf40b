package dev.clusterc.compiler.golden;

import dev.clusterc.compiler.Repo;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Expected output of emitter tests kept as files under {@code compiler/src/test/resources/snippets/}
 * (one file per case, named {@code CONCERN/TEST-CASE.yaml}), so that a change of output is one
 * {@code -Dclusterc.update=true} run and a reviewed diff, not a hand edit of Java strings.
 */
public final class Snippets {
  private static final Path ROOT = Repo.root().resolve("compiler/src/test/resources/snippets");

  private Snippets() {}

  /** Compares {@code actual} with {@code snippets/NAME.yaml}, or rewrites it when asked to. */
  public static void assertMatches(String name, String actual) {
    Path expected = ROOT.resolve(name + ".yaml");
    try {
      if (Repo.updateGoldens()) {
        Files.createDirectories(expected.getParent());
      }
      Golden.assertMatches(expected, actual);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
