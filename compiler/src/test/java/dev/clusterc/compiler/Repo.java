package dev.clusterc.compiler;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where the repository is, for tests that read examples, the stdlib or golden files. */
public final class Repo {
  private Repo() {}

  public static Path root() {
    String property = System.getProperty("clusterc.repo");
    if (property != null && Files.isDirectory(Path.of(property, "grammar"))) {
      return Path.of(property).toAbsolutePath().normalize();
    }
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null && !(Files.exists(dir.resolve("pom.xml")) && Files.isDirectory(dir.resolve("grammar")))) {
      dir = dir.getParent();
    }
    if (dir == null) {
      throw new IllegalStateException("cannot find the repository root from " + Path.of("").toAbsolutePath());
    }
    return dir;
  }

  /** Whether golden files should be rewritten instead of compared. */
  public static boolean updateGoldens() {
    return Boolean.getBoolean("clusterc.update") || "1".equals(System.getenv("CLUSTERC_UPDATE"));
  }
}
