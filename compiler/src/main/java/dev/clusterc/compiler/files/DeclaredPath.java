package dev.clusterc.compiler.files;

import java.nio.file.Path;

/**
 * Where a path written in a declaration ({@code sops}, {@code sealed}, {@code env-file}) points:
 * relative to the directory of the file that declares it, so that a cluster directory can be moved
 * or compiled from anywhere and each file names its neighbours as it sees them.
 */
final class DeclaredPath {
  private DeclaredPath() {}

  /**
   * The absolute, normalised path of {@code written}.
   *
   * @param workingDirectory the directory relative source paths are read from (absolute)
   * @param declaringFile the declaring file's path as its span names it (relative to the working directory, or absolute)
   * @throws java.nio.file.InvalidPathException when {@code written} is no path on this system
   */
  static Path resolve(Path workingDirectory, String declaringFile, String written) {
    Path declaring = Path.of(declaringFile);
    Path file = declaring.isAbsolute() ? declaring : workingDirectory.resolve(declaring);
    Path directory = file.getParent() != null ? file.getParent() : workingDirectory;
    return directory.resolve(written).toAbsolutePath().normalize();
  }
}
