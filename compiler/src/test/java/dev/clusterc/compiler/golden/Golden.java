package dev.clusterc.compiler.golden;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.clusterc.compiler.Repo;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Compares output with a golden file, or rewrites the file when asked to ({@code -Dclusterc.update=true}). */
public final class Golden {
  private Golden() {}

  public static void assertMatches(Path expected, String actual) throws IOException {
    if (Repo.updateGoldens()) {
      Files.writeString(expected, actual, StandardCharsets.UTF_8);
      return;
    }
    assertTrue(Files.exists(expected), "no golden file " + expected + ": run the tests with -Dclusterc.update=true to write it");
    assertEquals(Files.readString(expected, StandardCharsets.UTF_8), actual, "output differs from " + expected);
  }
}
