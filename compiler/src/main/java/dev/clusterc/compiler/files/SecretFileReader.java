package dev.clusterc.compiler.files;

import dev.clusterc.compiler.bind.Decl;
import dev.clusterc.compiler.diag.Code;
import dev.clusterc.compiler.diag.Diagnostic;
import dev.clusterc.compiler.model.ClusterModel;
import dev.clusterc.compiler.model.Secret;
import dev.clusterc.compiler.rules.Namespaces;
import dev.clusterc.compiler.rules.SecretUsers;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * Reads the file of a {@code secret … sops PATH} / {@code sealed PATH}. {@code PATH} is relative
 * to the directory of the file declaring the secret (also when the entry comes from a template
 * written elsewhere), whose path in the sources is relative to the working directory the sources
 * were loaded from, or absolute when outside it.
 *
 * <p>The file ({@link BoundedFile}) must hold one YAML document ({@link YamlDocuments}): a
 * {@code Secret} for {@code sops}, carrying the {@code sops:} metadata that {@code sops --encrypt}
 * writes (a file without it is plaintext, and the compiler never puts a plaintext secret into a
 * tree meant for Git), or a {@code SealedSecret} for {@code sealed}; named as the declaration (the
 * name its users read); with every key the declaration lists; bound to no namespace or to the one
 * where each user reads it ({@link SecretUsers}). Every problem is {@code invalid-value} at the
 * entry; a file with a problem yields nothing.
 */
final class SecretFileReader {
  /** How many key names a hint lists, so that a file of many keys gives short messages. */
  private static final int KEYS_SHOWN = 10;

  private final ClusterModel program;
  private final Namespaces namespaces;
  private final Path workingDirectory;
  private final Consumer<Diagnostic> report;
  /** Each distinct text is parsed once, however many secrets name the file (the documents are only read). */
  private final Map<String, YamlDocuments.Parsed> parsed = new HashMap<>();

  SecretFileReader(ClusterModel program, Path workingDirectory, Consumer<Diagnostic> report) {
    this.program = program;
    this.namespaces = new Namespaces(program);
    this.workingDirectory = workingDirectory.toAbsolutePath().normalize();
    this.report = report;
  }

  /** The secret's file, or {@code null} after reporting why it cannot be used. */
  SecretFile read(Decl secret, Secret.File entry) {
    if (entry.path() == null) {
      return null;
    }
    String written = entry.path();
    String declaring = secret.source().span().file().path();
    Path path;
    try {
      path = DeclaredPath.resolve(workingDirectory, declaring, written);
    } catch (InvalidPathException e) {
      report.accept(problem(secret, entry, "`" + KubernetesNames.shown(written) + "` is not a valid path: " + e.getReason()));
      return null;
    }
    BoundedFile.Read read = written.isEmpty() ? new BoundedFile.Read(null, "does not exist") : BoundedFile.read(path);
    if (!read.ok()) {
      report.accept(problem(secret, entry, "file `" + KubernetesNames.shown(written) + "` " + read.problem())
          .withHint("looked for " + shown(written, declaring) + "; the path is relative to the directory of " + declaring));
      return null;
    }
    boolean sops = entry instanceof Secret.Sops;
    String expectedKind = sops ? "Secret" : "SealedSecret";
    YamlDocuments.Parsed parsed = this.parsed.computeIfAbsent(read.content().text(), YamlDocuments::parse);
    if (parsed.problem() != null) {
      String at = parsed.problem().where().isEmpty() ? "" : " at " + parsed.problem().where();
      report.accept(problem(secret, entry, "file `" + written + "` is not YAML" + at + ": " + parsed.problem().reason()));
      return null;
    }
    if (parsed.documents().size() > 1) {
      report.accept(problem(secret, entry, "file `" + written + "` holds " + parsed.documents().size()
          + " YAML documents, not one " + expectedKind).withHint("a secret file holds exactly one object"));
      return null;
    }
    Map<?, ?> object = parsed.documents().isEmpty() ? Map.of() : parsed.documents().get(0).value() instanceof Map<?, ?> m ? m : Map.of();
    String kind = object.get("kind") instanceof String k ? k : "";
    if (!kind.equals(expectedKind)) {
      report.accept(problem(secret, entry, "file `" + written + "` holds "
              + (kind.isEmpty() ? "no Kubernetes object" : "a " + KubernetesNames.shown(kind)) + ", not a " + expectedKind)
          .withHint(sops ? "a `sops` file is a Secret encrypted with `sops --encrypt`"
              : "a `sealed` file is the SealedSecret that `kubeseal` writes"));
      return null;
    }
    Map<?, ?> metadata = object.get("metadata") instanceof Map<?, ?> m ? m : Map.of();
    String name = metadata.get("name") instanceof String n ? n : "";
    String namespace = metadata.get("namespace") instanceof String n ? n : "";
    Set<String> keys = new TreeSet<>();
    if (sops) {
      keys(object.get("data"), keys);
      keys(object.get("stringData"), keys);
    } else {
      keys(object.get("spec") instanceof Map<?, ?> spec ? spec.get("encryptedData") : null, keys);
    }
    List<Diagnostic> problems = new ArrayList<>();
    if (sops && !(object.get("sops") instanceof Map<?, ?> metadataOfSops && metadataOfSops.get("mac") instanceof String)) {
      problems.add(problem(secret, entry, "file `" + written + "` has no SOPS metadata: it is a plaintext Secret, "
              + "and clusterc never puts a plaintext secret into a tree meant for Git")
          .withHint("encrypt it in place: `sops --encrypt --encrypted-regex '^(data|stringData)$' --in-place " + written + "`"));
    }
    if (!name.equals(secret.name())) {
      problems.add(problem(secret, entry, "file `" + written + "` holds the " + expectedKind + " `" + KubernetesNames.shown(name)
              + "`, but its users read `" + secret.name() + "`")
          .withHint("name the declaration `" + KubernetesNames.shown(name) + "`, or the " + expectedKind + " `" + secret.name() + "`"));
    }
    if (!namespace.isEmpty() && KubernetesNames.namespaceProblem(namespace) != null) {
      problems.add(problem(secret, entry, "file `" + written + "`: " + KubernetesNames.namespaceProblem(namespace)));
    }
    for (String key : Secret.of(program, secret).keys()) {
      if (!keys.contains(key)) {
        problems.add(problem(secret, entry, "file `" + written + "` has no key `" + key + "`")
            .withHint(keys.isEmpty() ? "the file holds no keys" : "it holds " + listed(keys)));
      }
    }
    if (problems.isEmpty() && !namespace.isEmpty()) {
      for (SecretUsers.Placement placement : SecretUsers.placements(program, namespaces, secret)) {
        if (!namespace.equals(placement.namespace())) {
          problems.add(problem(secret, entry, placement.user().label() + " reads it in namespace "
                  + placement.namespace() + ", but the file is bound to namespace " + namespace)
              .withHint(sops
                  ? "remove `metadata.namespace` from the file: clusterc then puts the Secret in every namespace that reads it"
                  : "a sealed secret opens only in the namespace it was sealed for: declare one secret per namespace, "
                      + "each sealed with `kubeseal --namespace`"));
        }
      }
    }
    problems.forEach(report);
    return problems.isEmpty() ? new SecretFile(path, read.content().bytes(), namespace.isEmpty() ? null : namespace) : null;
  }

  private static void keys(Object map, Set<String> into) {
    if (map instanceof Map<?, ?> m) {
      m.keySet().forEach(k -> into.add(String.valueOf(k)));
    }
  }

  private static String listed(Set<String> keys) {
    List<String> shown = keys.stream().limit(KEYS_SHOWN).map(KubernetesNames::shown).toList();
    return String.join(", ", shown) + (keys.size() > KEYS_SHOWN ? " and " + (keys.size() - KEYS_SHOWN) + " more" : "");
  }

  static Diagnostic problem(Decl secret, Secret.File entry, String message) {
    return Diagnostic.error(Code.INVALID_VALUE, entry.entry(), "secret `" + secret.name() + "`: " + message);
  }

  /** The path as messages show it: relative to the working directory like the declaring file's, or absolute. */
  private static String shown(String written, String declaringFile) {
    Path directory = Path.of(declaringFile).getParent();
    return KubernetesNames.shown((directory == null ? Path.of(written) : directory.resolve(written)).normalize().toString());
  }
}
