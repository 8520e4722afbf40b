package dev.clusterc.compiler.emit;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.clusterc.compiler.bind.BoundEntry;
import dev.clusterc.compiler.diag.Code;
import dev.clusterc.compiler.diag.Diagnostic;
import dev.clusterc.compiler.program.Decl;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The file of a {@code secret … sops PATH} / {@code sealed PATH}: {@code PATH} is relative to the
 * directory of the file declaring the secret (also when the entry comes from a template written
 * elsewhere), whose path in the sources is relative to the working directory the sources were
 * loaded from, or absolute when outside it.
 *
 * <p>The file must hold one Kubernetes object: a {@code Secret} for {@code sops}, a
 * {@code SealedSecret} for {@code sealed}, named as the declaration (that is the name its users
 * read), with every key the declaration lists.
 */
final class SecretFiles {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  private SecretFiles() {}

  /** The {@code sops} or {@code sealed} entry of a secret, if it has one. */
  static BoundEntry fileEntry(Decl secret) {
    return secret.body().first("sops").or(() -> secret.body().first("sealed")).orElse(null);
  }

  /**
   * Reads the secret's file.
   *
   * @throws SecretFileException naming every problem of the file
   */
  static SecretFile read(Decl secret, BoundEntry entry, Path workingDirectory) {
    String written = entry.str("value").orElse("");
    String declaring = secret.source().span().file().path();
    Path path = resolve(written, declaring, workingDirectory);
    if (written.isEmpty() || !Files.isRegularFile(path)) {
      throw new SecretFileException(problem(secret, entry, "file `" + written + "` does not exist")
          .withHint("looked for " + path + "; the path is relative to the directory of " + declaring));
    }
    boolean sops = entry.property().name().equals("sops");
    String expectedKind = sops ? "Secret" : "SealedSecret";
    JsonNode object;
    try {
      object = YAML.readTree(path.toFile());
    } catch (JacksonException e) {
      throw new SecretFileException(problem(secret, entry, "file `" + written + "` is not YAML: "
          + e.getOriginalMessage()));
    } catch (IOException e) {
      throw new SecretFileException(problem(secret, entry, "file `" + written + "` cannot be read: " + e.getMessage()));
    }
    String kind = object == null ? "" : object.path("kind").asText("");
    if (!kind.equals(expectedKind)) {
      throw new SecretFileException(problem(secret, entry, "file `" + written + "` holds "
              + (kind.isEmpty() ? "no Kubernetes object" : "a " + kind) + ", not a " + expectedKind)
          .withHint(sops ? "a `sops` file is a Secret encrypted with `sops --encrypt`"
              : "a `sealed` file is the SealedSecret that `kubeseal` writes"));
    }
    JsonNode metadata = object.path("metadata");
    String name = metadata.path("name").asText("");
    String namespace = metadata.path("namespace").asText("");
    Set<String> keys = new TreeSet<>();
    if (sops) {
      object.path("data").fieldNames().forEachRemaining(keys::add);
      object.path("stringData").fieldNames().forEachRemaining(keys::add);
    } else {
      object.path("spec").path("encryptedData").fieldNames().forEachRemaining(keys::add);
    }
    List<Diagnostic> problems = new ArrayList<>();
    if (!name.equals(secret.name())) {
      problems.add(problem(secret, entry, "file `" + written + "` holds the " + expectedKind + " `" + name
              + "`, but its users read `" + secret.name() + "`")
          .withHint("name the declaration `" + name + "`, or the " + expectedKind + " `" + secret.name() + "`"));
    }
    for (String key : SecretEmitter.keys(secret)) {
      if (!keys.contains(key)) {
        problems.add(problem(secret, entry, "file `" + written + "` has no key `" + key + "`")
            .withHint(keys.isEmpty() ? "the file holds no keys" : "it holds " + String.join(", ", keys)));
      }
    }
    if (!problems.isEmpty()) {
      throw new SecretFileException(problems);
    }
    return new SecretFile(path, namespace.isEmpty() ? null : namespace);
  }

  static Diagnostic problem(Decl secret, BoundEntry entry, String message) {
    return Diagnostic.error(Code.INVALID_VALUE, entry.entry().span(), "secret `" + secret.name() + "`: " + message);
  }

  private static Path resolve(String written, String declaringFile, Path workingDirectory) {
    Path declaring = Path.of(declaringFile);
    Path file = declaring.isAbsolute() ? declaring : workingDirectory.toAbsolutePath().resolve(declaring);
    Path directory = file.getParent() != null ? file.getParent() : workingDirectory.toAbsolutePath();
    return directory.resolve(written).toAbsolutePath().normalize();
  }
}
