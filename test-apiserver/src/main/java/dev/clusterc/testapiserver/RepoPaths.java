package dev.clusterc.testapiserver;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Finds the repository root, the Go build scripts and the CRD directory, so tests in any module
 * (and any working directory) reach the same files.
 *
 * <p>The root is the directory holding {@code pom.xml} and {@code grammar/}, searched upward from
 * the system property {@code clusterc.repo} (set by the parent pom's Surefire configuration) or,
 * without it, from the working directory. Searching upward from the property too keeps a run
 * started inside a module ({@code cd test-apiserver && mvn test}) working.
 */
public final class RepoPaths {

  /** System property naming the repository root (or a directory inside it). */
  public static final String REPO_PROPERTY = "clusterc.repo";

  /**
   * System property naming the CRD directory; default: the upstream CRDs fetched by
   * {@code test-apiserver/crds.sh} (see {@link UpstreamCrds}).
   */
  public static final String CRDS_PROPERTY = "clusterc.crds";

  private RepoPaths() {}

  /** The repository root. */
  public static Path repoRoot() {
    String property = System.getProperty(REPO_PROPERTY);
    Path start = Path.of(property == null || property.isBlank()
        ? System.getProperty("user.dir") : property);
    return findRoot(start);
  }

  /** The first directory at or above {@code start} holding {@code pom.xml} and {@code grammar/}. */
  static Path findRoot(Path start) {
    Path absolute = start.toAbsolutePath().normalize();
    for (Path dir = absolute; dir != null; dir = dir.getParent()) {
      if (Files.isRegularFile(dir.resolve("pom.xml")) && Files.isDirectory(dir.resolve("grammar"))) {
        return dir;
      }
    }
    throw new IllegalStateException("cannot find the clusterc repository root (a directory with "
        + "pom.xml and grammar/) at or above " + absolute + "; set -D" + REPO_PROPERTY + "=<repo>");
  }

  /** {@code <repo>/test-apiserver/build.sh}. */
  public static Path buildScript() {
    return repoRoot().resolve("test-apiserver").resolve("build.sh");
  }

  /** {@code <repo>/test-apiserver/kwok.sh}. */
  public static Path kwokScript() {
    return repoRoot().resolve("test-apiserver").resolve("kwok.sh");
  }

  /** {@code <repo>/test-apiserver/crds.sh}. */
  public static Path crdScript() {
    return repoRoot().resolve("test-apiserver").resolve("crds.sh");
  }

  /**
   * The CRD directory: {@code -Dclusterc.crds}, else the directory {@code crds.sh} fills from Go
   * modules (fetched once per JVM, so the first call may take half a minute).
   */
  public static Path crdDirectory() {
    String property = System.getProperty(CRDS_PROPERTY);
    Path dir = property == null || property.isBlank()
        ? UpstreamCrds.forThisJvm()
        : Path.of(property);
    return dir.toAbsolutePath().normalize();
  }
}
