package dev.clusterc.compiler.emit;

import dev.clusterc.compiler.bind.BoundEntry;
import dev.clusterc.compiler.program.Decl;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the file of a {@code secret … sops PATH} / {@code sealed PATH} is: {@code PATH} is relative
 * to the directory of the file declaring the secret (also when the entry comes from a template
 * written elsewhere), whose path in the sources is relative to the working directory the sources
 * were loaded from, or absolute when outside it.
 */
final class SecretFiles {
  private SecretFiles() {}

  /** The {@code sops} or {@code sealed} entry of a secret, if it has one. */
  static BoundEntry fileEntry(Decl secret) {
    return secret.body().first("sops").or(() -> secret.body().first("sealed")).orElse(null);
  }

  /**
   * The absolute, normalised path of the secret's file.
   *
   * @throws SecretFileMissingException when it is not a regular file
   */
  static Path resolve(Decl secret, BoundEntry entry, Path workingDirectory) {
    String written = entry.str("value").orElse("");
    Path declaring = Path.of(secret.source().span().file().path());
    Path file = declaring.isAbsolute() ? declaring : workingDirectory.toAbsolutePath().resolve(declaring);
    Path directory = file.getParent() != null ? file.getParent() : workingDirectory.toAbsolutePath();
    Path resolved = directory.resolve(written).toAbsolutePath().normalize();
    if (written.isEmpty() || !Files.isRegularFile(resolved)) {
      throw new SecretFileMissingException(secret.name(), written, entry.entry().span(), resolved,
          secret.source().span().file().path());
    }
    return resolved;
  }
}
